// Live preview of how the server reads a printed deadline ("Quý IV năm 2019" -> Quý, hạn 31/12/2019).
// Every input with data-deadline-preview="<output id>", data-year="<first year of the plan>" and
// data-end-year="<last year>" gets one.
// The server reads the text again on save; this only shows the reading early. Text is set with
// textContent, never as HTML.
(function () {
  "use strict";

  var labels = {
    date: "Ngày cụ thể",
    month: "Tháng",
    quarter: "Quý",
    halfYear: "6 tháng",
    year: "Trong năm",
    window: "Khoảng thời gian",
    recurringQuarterly: "Hàng quý",
    recurringMonthly: "Hàng tháng",
    recurringHalfYearly: "6 tháng một lần",
    recurringYearly: "Hàng năm",
    list: "Nhiều kỳ",
    ongoing: "Thường xuyên",
    setLater: "Chưa ấn định",
    unparsed: "Chưa đọc được"
  };

  function date(iso) {
    if (!iso) return "";
    var p = iso.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }

  // The same sentences as Display.Meaning on the server.
  var every = { recurringMonthly: "tháng", recurringQuarterly: "quý", recurringHalfYearly: "6 tháng", recurringYearly: "năm" };

  function meaning(r) {
    var count = (r.occurrences || []).length;
    if (every[r.kind] && count > 0) {
      var inYear = r.start.slice(0, 4) === r.due.slice(0, 4) && r.kind !== "recurringYearly" ? " trong năm" : "";
      return count + " lần" + inYear + ", hạn cuối mỗi " + every[r.kind] + " (đến " + date(r.due) + ")";
    }
    switch (r.kind) {
      case "ongoing": return "Không có hạn cụ thể; báo cáo trong mỗi kỳ";
      case "setLater": return "Cần ấn định ngày (chờ hướng dẫn)";
      case "unparsed": return "Không đọc được thời hạn; giữ nguyên văn";
      case "window": return "Từ " + date(r.start) + " đến " + date(r.due);
      case "list": return count + " lần, hạn " + r.occurrences.map(function (o) { return date(o.due); }).join(", ");
      default: return "Hạn " + date(r.due);
    }
  }

  function show(output, reading) {
    output.textContent = "";
    if (!reading) return;
    var kind = document.createElement("span");
    kind.className = "kind kind-" + reading.kind;
    kind.textContent = labels[reading.kind] || reading.kind;
    var text = document.createElement("span");
    text.className = "meaning";
    text.textContent = meaning(reading) + (reading.note ? " · kèm theo: " + reading.note : "");
    output.appendChild(kind);
    output.appendChild(document.createTextNode(" "));
    output.appendChild(text);
  }

  function attach(input) {
    var output = document.getElementById(input.getAttribute("data-deadline-preview"));
    if (!output) return;
    var year = input.getAttribute("data-year") || "";
    var endYear = input.getAttribute("data-end-year") || year;
    var timer = null;
    var latest = 0;

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        var asked = ++latest;
        if (!text) { show(output, null); return; }
        output.classList.add("busy");
        fetch("/api/deadlines/parse?text=" + encodeURIComponent(text) + "&year=" + encodeURIComponent(year) +
              "&from=" + encodeURIComponent(year) + "&to=" + encodeURIComponent(endYear),
              { headers: { "Accept": "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (reading) { if (asked === latest) show(output, reading); })
          .catch(function () { if (asked === latest) output.textContent = "Không xem trước được; hệ thống sẽ đọc thời hạn khi lưu."; })
          .then(function () { output.classList.remove("busy"); });
      }, 300);
    });
  }

  document.querySelectorAll("[data-deadline-preview]").forEach(attach);
})();
