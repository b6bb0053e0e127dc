// File-system errors in Vietnamese. Apart from read-input.ts so the command's entry (entry.ts, which
// stays small for `kl226 --help`) can name a failed write to the terminal or a redirected file too.

/** Why a file-system call failed, as the end of a Vietnamese sentence; undefined for codes not known here. */
export function fsReason(code: string | undefined): string | undefined {
  switch (code) {
    case "ENOENT":
      return "không tìm thấy tệp hoặc thư mục này";
    case "EACCES":
    case "EPERM":
      return "tài khoản đang chạy KL226 không có quyền với tệp hoặc thư mục này (thuộc tài khoản khác, bị chặn quyền, hoặc chỉ cho phép đọc trong khi KL226 cần ghi vào)";
    case "EBUSY":
      return "tệp đang mở trong chương trình khác (ví dụ Excel); hãy đóng tệp rồi chạy lại";
    case "ENOSPC":
    case "EDQUOT":
      return "ổ đĩa đã đầy; hãy giải phóng chỗ trống hoặc ghi sang ổ khác";
    case "EROFS":
      return "ổ đĩa chỉ cho đọc; hãy ghi sang thư mục khác";
    case "EISDIR":
      return "đây là một thư mục, không phải tệp";
    case "ENOTDIR":
    case "EEXIST":
      return "một phần của đường dẫn là tệp, không phải thư mục";
    case "ENAMETOOLONG":
      return "đường dẫn quá dài; hãy chọn thư mục ngắn hơn";
    case "EMFILE":
    case "ENFILE":
      return "quá nhiều tệp đang mở; hãy đóng bớt chương trình rồi chạy lại";
    case "EIO":
      return "lỗi đọc/ghi của ổ đĩa";
    case "ELOOP":
      return "đường dẫn có liên kết vòng (symlink trỏ về chính nó)";
    case "ENOTREGULAR":
      return "không phải tệp thông thường (thiết bị, ống dẫn hay liên kết tới một thiết bị của hệ thống)";
    case "EOPTIONTOOBIG":
      return "tệp quá lớn (hơn 64 MB): có lẽ đã chọn nhầm tệp; hãy kiểm tra lại đường dẫn";
    default:
      return undefined;
  }
}

/** The `code` an error carries, whatever its shape (EPIPE, ERR_STREAM_DESTROYED …); undefined for none. */
export function errorCode(e: unknown): unknown {
  return typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
}

/** A Node file-system error (duck-typed: errors from another realm, as under jest, fail instanceof). */
export function isErrnoError(e: unknown): e is NodeJS.ErrnoException {
  const code = errorCode(e);
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}
