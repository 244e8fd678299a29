// Charts of the annual-report dashboard; data comes from the page's JSON block (CSP-safe).
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("chart-data");
    if (!source || typeof echarts === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var received = document.getElementById("chart-received");
    if (received) {
      echarts.init(received).setOption({
        title: { text: "新收申请数（本年与上年）" },
        tooltip: {},
        legend: { top: 24, data: ["本年", "上年"] },
        grid: { top: 60, bottom: 80 },
        xAxis: { type: "category", data: data.names, axisLabel: { rotate: 40 } },
        yAxis: { type: "value" },
        series: [
          { name: "本年", type: "bar", data: data.received },
          { name: "上年", type: "bar", data: data.lastYear }
        ]
      });
    }
    var status = document.getElementById("chart-status");
    if (status) {
      echarts.init(status).setOption({
        title: { text: "年报状态" },
        tooltip: {},
        series: [{ type: "pie", radius: "60%", data: data.statuses }]
      });
    }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
