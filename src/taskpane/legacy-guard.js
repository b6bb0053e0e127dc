// ES5 on purpose (no let, arrows or template strings): this file must run where the bundles cannot.
// In an Internet Explorer (Trident) webview, which old Office uses for a shared runtime without
// WebView2, the ES2022 bundles do not even parse; instead of a blank pane this shows which Excel
// versions run KL226 and where the standalone page is (SPEC §10, docs/DECISIONS.md "Deployment").
// The same message appears if a bundle fails to parse anywhere else before the app has started.
(function () {
  "use strict";

  // Minimum versions: the manifest requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2; the
  // taskpane inserts the template with insertWorksheetsFromBase64 (ExcelApi 1.13). Microsoft's
  // requirement-set tables give, per platform, the highest of the three.
  var VERSIONS = [
    "Excel cho Microsoft 365 trên Windows, phiên bản 2102 (bản dựng 13801.20738) trở lên;",
    "Excel 2016, 2019, 2021, 2024 mua lẻ trên Windows, đã cập nhật lên phiên bản 2311 (bản dựng 17029.20126) trở lên;",
    "Excel LTSC 2021 và LTSC 2024 (bản cấp phép số lượng lớn) trên Windows;",
    "Excel cho Mac 16.50 trở lên;",
    "Excel trên web (Microsoft 365), mở bằng Edge, Chrome, Firefox hoặc Safari."
  ];

  var shown = false;

  function paragraph(text, bold) {
    var p = document.createElement("p");
    p.style.margin = "0 0 8px 0";
    if (bold) p.style.fontWeight = "600";
    p.appendChild(document.createTextNode(text));
    return p;
  }

  /** The address of this page without Office's query string: the standalone page. */
  function standaloneAddress() {
    var l = window.location;
    return l.protocol + "//" + l.host + l.pathname;
  }

  /** The alert box that replaces the pane's content: a heading, then the caller's paragraphs. */
  function messageBox(testId, heading) {
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", testId);
    box.style.fontFamily = "'Segoe UI', Arial, sans-serif";
    box.style.fontSize = "14px";
    box.style.lineHeight = "1.4";
    box.style.padding = "12px";
    var title = document.createElement("h1");
    title.style.fontSize = "16px";
    title.style.margin = "0 0 8px 0";
    title.appendChild(document.createTextNode(heading));
    box.appendChild(title);
    return box;
  }

  function replaceContent(root, box) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(box);
  }

  function show(reason) {
    var root = document.getElementById("root");
    if (shown || !root) return;
    shown = true;
    var box = messageBox("legacy-message", "KL226 không chạy được trong Excel này");
    box.appendChild(paragraph(reason));
    box.appendChild(
      paragraph("Phần bổ trợ KL226 (khung Kiểm tra, Tổng hợp và các hàm =KL226.*) chạy trong:")
    );
    var list = document.createElement("ul");
    list.style.margin = "0 0 8px 0";
    list.style.paddingLeft = "20px";
    for (var i = 0; i < VERSIONS.length; i++) {
      var item = document.createElement("li");
      item.appendChild(document.createTextNode(VERSIONS[i]));
      list.appendChild(item);
    }
    box.appendChild(list);
    box.appendChild(
      paragraph(
        "Trên Windows, Excel còn cần Microsoft Edge WebView2 Runtime; thiếu nó, Excel dùng Internet Explorer và hiện thông báo này. " +
          "Excel 2016, 2019 bản cấp phép số lượng lớn và Excel trên iPad không chạy được KL226. Hãy nhờ bộ phận công nghệ thông tin cập nhật Office và cài WebView2."
      )
    );
    box.appendChild(
      paragraph(
        "Không cần Excel: mở trang sau bằng Microsoft Edge, Chrome, Firefox hoặc Safari để kiểm tra và tổng hợp báo cáo từ tệp:"
      )
    );
    box.appendChild(paragraph(standaloneAddress(), true));
    replaceContent(root, box);
    document.documentElement.setAttribute("data-host", "unsupported");
  }

  // Trident (Internet Explorer 11 and its webview) is the only engine with document.documentMode.
  if (document.documentMode) {
    show("Excel trên máy này mở phần bổ trợ bằng trình duyệt nhúng Internet Explorer, quá cũ để chạy KL226.");
    return;
  }

  // Elsewhere: a bundle that cannot be parsed leaves the loading text in place; show the message then.
  window.addEventListener("error", function (event) {
    var syntax =
      (event.error && event.error.name === "SyntaxError") || /SyntaxError/.test(String(event.message));
    if (syntax && document.getElementById("loading")) {
      show("Trình duyệt nhúng của Excel trên máy này quá cũ để chạy KL226.");
    }
  });

  /**
   * The page's own files did not load: a script the server does not have (the page of a newer build
   * uploaded before its js/ folder) or sends with the wrong type (refused under nosniff), or nothing
   * has started after LOAD_WAIT_MS. Without this the pane said "Đang tải…" for ever. When the app
   * starts after all, React replaces the message with the page.
   */
  var LOAD_WAIT_MS = 20000;
  function showNotLoaded(detail) {
    var root = document.getElementById("root");
    if (shown || !root || !document.getElementById("loading")) return;
    shown = true;
    var box = messageBox("load-failed", "Chưa tải được trang KL226");
    box.appendChild(paragraph(detail));
    box.appendChild(
      paragraph(
        "Tải lại trang (phím F5; trong Excel: đóng khung KL226 rồi mở lại, hoặc đóng hẳn Excel). Nếu vẫn thấy thông báo này, báo bộ phận công nghệ thông tin: các tệp của KL226 trên máy chủ chưa đủ hoặc được gửi sai kiểu (hướng dẫn triển khai, mục 2 và 5)."
      )
    );
    replaceContent(root, box);
  }

  // Load errors of <script> elements do not bubble: listen in the capture phase.
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && target.src) {
        showNotLoaded("Không tải được tệp " + target.src + " từ máy chủ.");
      }
    },
    true
  );
  window.setTimeout(function () {
    showNotLoaded("Trang chưa chạy được sau " + LOAD_WAIT_MS / 1000 + " giây.");
  }, LOAD_WAIT_MS);
})();
