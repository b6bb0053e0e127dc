// The built-in form KL226-BC/1 (SPEC §2–§3): exactly the report every existing workbook follows.
// Tasks: the 12 key tasks of the provincial appendix (seeds/003); targets as in SPEC §2.

import type { FormInput } from "../form";

const ALL_UNITS = "Các sở, ban, ngành, đơn vị cấp tỉnh, UBND các xã, phường";

export const KL226_FORM = {
  id: "KL226-BC/1",
  title: "Báo cáo kết quả thực hiện Kết luận số 226-KL/TW",
  subject: "Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư",
  periods: [
    { kind: "6T", deadline: { day: 6, month: 6 } },
    { kind: "NAM", deadline: { day: 6, month: 12 } },
  ],
  previousHeader: "Cùng kỳ năm trước",
  counts: [
    {
      code: "HN_TONG",
      label: "Tổng số hội nghị, cuộc họp đã tổ chức",
      unit: "cuộc",
      previousRequired: true,
      currentRequired: true,
    },
    {
      code: "HN_TRUC_TUYEN",
      label: "Trong đó: hội nghị, cuộc họp trực tuyến (kể cả kết hợp)",
      unit: "cuộc",
      currentRequired: true,
    },
    {
      code: "HN_VUOT_THOI_LUONG",
      label: "Số hội nghị vượt thời lượng quy định",
      unit: "cuộc",
      currentRequired: true,
    },
    {
      code: "VB_HANH_CHINH",
      label: "Số văn bản hành chính ban hành",
      unit: "văn bản",
      previousRequired: true,
      currentRequired: true,
    },
    {
      code: "TTHC_TONG",
      label: "Tổng số hồ sơ TTHC tiếp nhận, giải quyết",
      unit: "hồ sơ",
      currentRequired: true,
    },
    { code: "TTHC_SO", label: "Trong đó: xử lý trên môi trường số", unit: "hồ sơ", currentRequired: true },
    { code: "VB_TONG", label: "Tổng số văn bản đi, đến", unit: "văn bản", currentRequired: true },
    { code: "VB_SO_HOA", label: "Trong đó: văn bản được số hóa", unit: "văn bản", currentRequired: true },
    { code: "VB_KHONG_MAT", label: "Văn bản không mật trao đổi giữa cơ quan hành chính", unit: "văn bản" },
    { code: "VB_DIEN_TU", label: "Trong đó: gửi, nhận dưới dạng điện tử", unit: "văn bản" },
    { code: "CC_TONG", label: "Tổng số CBCCVC, người lao động", unit: "người" },
    { code: "CC_KY_NANG_SO", label: "Trong đó: được bồi dưỡng kỹ năng số", unit: "người" },
    { code: "TTHC_CAT_GIAM", label: "Số TTHC được cắt giảm, đơn giản hóa", unit: "thủ tục" },
  ],
  parts: [
    { part: "HN_TRUC_TUYEN", whole: "HN_TONG" },
    { part: "HN_VUOT_THOI_LUONG", whole: "HN_TONG" },
    { part: "TTHC_SO", whole: "TTHC_TONG" },
    { part: "VB_SO_HOA", whole: "VB_TONG" },
    { part: "VB_DIEN_TU", whole: "VB_KHONG_MAT" },
    { part: "CC_KY_NANG_SO", whole: "CC_TONG" },
  ],
  indicators: [
    {
      id: "ONLINE_RATIO",
      kind: "ratio",
      part: "HN_TRUC_TUYEN",
      whole: "HN_TONG",
      target: 0.6,
      label: "Tỷ lệ hội nghị trực tuyến",
      short: "Họp trực tuyến",
      itemUnit: "cuộc họp trực tuyến",
    },
    {
      id: "MEETING_REDUCTION",
      kind: "reduction",
      of: "HN_TONG",
      target: 0.1,
      label: "Giảm số lượng hội nghị so với cùng kỳ",
      short: "Giảm hội nghị",
      itemUnit: "cuộc họp",
    },
    {
      id: "DOC_REDUCTION",
      kind: "reduction",
      of: "VB_HANH_CHINH",
      target: 0.15,
      label: "Cắt giảm văn bản hành chính so với cùng kỳ",
      short: "Giảm văn bản",
      itemUnit: "văn bản",
    },
    {
      id: "TTHC_DIGITAL_RATIO",
      kind: "ratio",
      part: "TTHC_SO",
      whole: "TTHC_TONG",
      target: 0.95,
      label: "Tỷ lệ hồ sơ TTHC xử lý trên môi trường số",
      short: "TTHC trên môi trường số",
      itemUnit: "hồ sơ",
    },
    {
      id: "DIGITIZATION_RATIO",
      kind: "ratio",
      part: "VB_SO_HOA",
      whole: "VB_TONG",
      target: 0.95,
      label: "Tỷ lệ số hóa văn bản",
      short: "Số hóa văn bản",
      itemUnit: "văn bản",
    },
    {
      id: "EDOC_RATIO",
      kind: "ratio",
      part: "VB_DIEN_TU",
      whole: "VB_KHONG_MAT",
      target: 1,
      label: "Văn bản không mật gửi, nhận dưới dạng điện tử",
      short: "Văn bản điện tử",
      itemUnit: "văn bản",
    },
    {
      id: "OVERTIME_MEETINGS",
      kind: "maxCount",
      of: "HN_VUOT_THOI_LUONG",
      target: 0,
      label: "Hội nghị vượt thời lượng quy định",
      short: "Họp vượt thời lượng",
      itemUnit: "cuộc họp",
    },
    {
      id: "DIGITAL_SKILLS_RATIO",
      kind: "ratio",
      part: "CC_KY_NANG_SO",
      whole: "CC_TONG",
      target: 1,
      label: "CBCCVC được bồi dưỡng kỹ năng số",
      short: "Bồi dưỡng kỹ năng số",
      itemUnit: "người",
    },
  ],
  tasks: [
    {
      content:
        "Rà soát, sửa đổi, bổ sung, ban hành hoặc trình cấp có thẩm quyền ban hành các văn bản quy phạm pháp luật có quy định còn chồng chéo, không còn phù hợp thực tiễn; rà soát cắt giảm, đơn giản hóa thủ tục hành chính trong quá trình ban hành văn bản quy phạm pháp luật",
      lead: ALL_UNITS,
      partners: "Sở Tư pháp",
      product:
        "Báo cáo UBND tỉnh danh mục văn bản cần sửa đổi; đề xuất ban hành các văn bản sửa đổi, bổ sung, thay thế theo thẩm quyền",
      deadline: "Thường xuyên",
    },
    {
      content:
        "Thực hiện cắt giảm tối thiểu 15% số lượng văn bản hành chính do cơ quan, địa phương ban hành so với năm trước",
      lead: ALL_UNITS,
      partners: "Văn phòng UBND tỉnh",
      product: "Số lượng văn bản hành chính giảm ít nhất 15%",
      deadline: "Hàng năm, bắt đầu từ năm 2026",
    },
    {
      content:
        "Thực hiện cắt giảm tối thiểu 10% số lượng hội nghị, cuộc họp toàn ngành, toàn tỉnh mỗi năm; đồng thời tăng tỷ lệ hội nghị trực tuyến đạt từ 60% trở lên trên tổng số hội nghị",
      lead: ALL_UNITS,
      partners: "Văn phòng UBND tỉnh",
      product:
        "Số lượng hội nghị giảm ít nhất 10% mỗi năm; tỷ lệ hội nghị trực tuyến đạt từ 60% trở lên; báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)",
      deadline: "Hàng năm, bắt đầu từ năm 2026",
    },
    {
      content:
        "Rà soát, hoàn thiện chức năng, nhiệm vụ, quyền hạn và quy chế làm việc của các sở, ban, ngành, đơn vị, địa phương; bãi bỏ các quy trình, thủ tục không còn phù hợp; bảo đảm thực hiện nguyên tắc “một việc - một đầu mối, 6 rõ”",
      lead: ALL_UNITS,
      partners: "Sở Nội vụ",
      product:
        "Chức năng, nhiệm vụ và quy chế làm việc của các cơ quan được điều chỉnh, hoàn thiện; báo cáo UBND tỉnh kết quả rà soát",
      deadline: "Quý IV/2026",
    },
    {
      content:
        "Đánh giá việc thực hiện phân cấp, phân quyền trong quản lý nhà nước; đề xuất hoàn thiện các quy định nhằm bảo đảm phân định rõ trách nhiệm, quyền hạn giữa các cấp",
      lead: ALL_UNITS,
      partners: "Sở Tư pháp, Sở Nội vụ",
      product: "Báo cáo đánh giá và kiến nghị UBND tỉnh về hoàn thiện cơ chế phân cấp, phân quyền",
      deadline: "Quý IV/2026",
    },
    {
      content:
        "Tăng cường kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính; phát hiện và xử lý nghiêm các trường hợp đùn đẩy, né tránh trách nhiệm hoặc can thiệp trái quy định vào công việc của cấp dưới",
      lead: "Sở Nội vụ",
      partners: ALL_UNITS,
      product:
        "Kịp thời phát hiện và xử lý các vi phạm về kỷ luật hành chính; báo cáo Chủ tịch UBND tỉnh kết quả thanh tra, kiểm tra",
      deadline: "Năm 2026 và thường xuyên trong các năm tiếp theo",
    },
    {
      content:
        "Tăng cường thanh tra trách nhiệm người đứng đầu, cán bộ, công chức, viên chức trong thực hiện nhiệm vụ, công vụ được giao; kịp thời kiến nghị xử lý nghiêm các trường hợp vi phạm",
      lead: "Thanh tra tỉnh",
      partners: ALL_UNITS,
      product: "Kế hoạch thanh tra",
      deadline: "Theo Kế hoạch hoặc theo yêu cầu của cấp có thẩm quyền",
    },
    {
      content:
        "Ban hành quy định hoặc kế hoạch của từng cơ quan, đơn vị về ứng dụng công nghệ thông tin và chuyển đổi số trong công tác quản lý, điều hành",
      lead: ALL_UNITS,
      partners: "Sở Khoa học và Công nghệ",
      product:
        "Quy định/kế hoạch chuyển đổi số của từng Sở, ban, ngành, địa phương được ban hành và triển khai",
      deadline: "Quý IV/2026",
    },
    {
      content:
        "Thực hiện việc xử lý thủ tục hành chính trên môi trường số và số hóa văn bản đạt từ 95% trở lên",
      lead: ALL_UNITS,
      partners: "Sở Khoa học và Công nghệ, Văn phòng UBND tỉnh",
      product:
        "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt từ 95% trở lên; 100% văn bản hành chính không mật gửi nhận điện tử; báo cáo kết quả định kỳ",
      deadline: "Đến cuối năm 2026",
    },
    {
      content:
        "Hoàn thiện Hệ thống thông tin báo cáo của tỉnh theo hướng đồng bộ, liên thông với Hệ thống thông tin báo cáo của Chính phủ và các bộ, ngành Trung ương",
      lead: "Văn phòng UBND tỉnh",
      partners: ALL_UNITS,
      product: "Hệ thống thông tin",
      deadline: "Năm 2026",
    },
    {
      content:
        "Bổ sung tiêu chí về kết quả triển khai Kết luận số 226-KL/TW vào quy định tiêu chí đánh giá, xếp loại người đứng đầu và tiêu chí thi đua khen thưởng hằng năm (đối với các sở, ban, ngành cấp tỉnh, đơn vị sự nghiệp công lập thuộc UBND tỉnh, UBND các xã, phường)",
      lead: "Sở Nội vụ",
      partners: "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND các xã, phường",
      product: "Bộ tiêu chí đánh giá, xếp loại hoặc văn bản hướng dẫn",
      deadline: "Năm 2026",
    },
    {
      content:
        "Bổ sung tiêu chí về kết quả triển khai Kết luận số 226-KL/TW vào quy định tiêu chí đánh giá, xếp loại người đứng đầu và tiêu chí thi đua khen thưởng hằng năm (đối với các đơn vị thuộc/trực thuộc)",
      lead: ALL_UNITS,
      partners: "Sở Nội vụ, các cơ quan liên quan",
      product: "Bộ tiêu chí đánh giá, xếp loại hoặc văn bản hướng dẫn",
      deadline: "Năm 2026",
    },
  ],
  meetingLog: {
    enabled: true,
    limits: { QUAN_TRIET: 0.5, CHUYEN_MON: 1, QUAN_TRONG: 1.5 },
    total: "HN_TONG",
    online: "HN_TRUC_TUYEN",
    overtime: "HN_VUOT_THOI_LUONG",
  },
} satisfies FormInput;
