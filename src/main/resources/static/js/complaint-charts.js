// The complaint figures' chart (ECharts): per street or estate, the work orders closed on time, closed late, pushed
// back and still open, stacked; drawn from the JSON the page carries (the Content-Security-Policy refuses inline
// scripts). The table below holds the same numbers and the Excel export.
(function () {
    'use strict';
    var el = document.getElementById('complaint-chart');
    var data = document.getElementById('complaint-chart-data');
    if (!el || !data || typeof echarts === 'undefined') { return; }
    var d = JSON.parse(data.textContent);
    var chart = echarts.init(el);
    var series = [['onTime', 'data-on-time', '#52a35a'], ['late', 'data-late', '#e6b422'],
                  ['pushedBack', 'data-pushed-back', '#d9363e'], ['open', 'data-open', '#5470c6']];
    chart.setOption({ tooltip: { trigger: 'axis' }, legend: {}, grid: { bottom: 90 },
        xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 45, fontSize: 10 } }, yAxis: { type: 'value' },
        series: series.map(function (s) {
            return { name: el.getAttribute(s[1]), type: 'bar', stack: 'all', itemStyle: { color: s[2] }, data: d[s[0]] };
        }) });
    window.addEventListener('resize', function () { chart.resize(); });
}());
