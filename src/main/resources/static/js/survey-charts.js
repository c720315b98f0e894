// The survey dashboards' charts (ECharts), drawn from the JSON the page carries in <script type="application/json">
// and redrawn after each htmx refresh; a file because the Content-Security-Policy refuses inline scripts.
(function () {
    'use strict';
    function district(el) {
        var labels = { participation: el.getAttribute('data-participation'),
                       satisfaction: el.getAttribute('data-satisfaction'), threshold: el.getAttribute('data-threshold') };
        var part = echarts.init(document.getElementById('chart-participation'));
        var sat = echarts.init(document.getElementById('chart-satisfaction'));
        function draw() {
            var data = document.getElementById('chart-data');
            if (!data) { return; }
            var d = JSON.parse(data.textContent);
            var line = d.threshold == null ? [] : [{ yAxis: d.threshold, name: labels.threshold }];
            part.setOption({ title: { text: labels.participation + ' (%)', textStyle: { fontSize: 14 } }, tooltip: {},
                grid: { bottom: 90 }, xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 45, fontSize: 10 } },
                yAxis: { type: 'value', max: 100 },
                series: [{ type: 'bar', data: d.participation, markLine: { symbol: 'none', data: line, lineStyle: { color: '#d9363e' } } }] });
            sat.setOption({ title: { text: labels.satisfaction + ' (%)', textStyle: { fontSize: 14 } }, tooltip: {},
                grid: { bottom: 90 }, xAxis: { type: 'category', data: d.names, axisLabel: { rotate: 45, fontSize: 10 } },
                yAxis: { type: 'value', max: 100 }, series: [{ type: 'bar', data: d.satisfaction, itemStyle: { color: '#52a35a' } }] });
        }
        draw();
        document.body.addEventListener('htmx:afterSettle', draw);
        window.addEventListener('resize', function () { part.resize(); sat.resize(); });
    }
    function estate(el) {
        var chart = echarts.init(el);
        var colors = ['#52a35a', '#e6b422', '#d9363e', '#888888', '#5470c6'];
        function draw() {
            var data = document.getElementById('breakdown-data');
            if (!data) { return; }
            var d = JSON.parse(data.textContent);
            chart.setOption({ tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 110 },
                xAxis: { type: 'value' }, yAxis: { type: 'category', data: d.questions, inverse: true },
                series: d.series.map(function (s, i) {
                    return { name: s.name, type: 'bar', stack: 'all', itemStyle: { color: colors[i % colors.length] },
                             data: d.counts.map(function (c) { return c[i]; }) };
                }) });
        }
        draw();
        document.body.addEventListener('htmx:afterSettle', draw);
        window.addEventListener('resize', function () { chart.resize(); });
    }
    var charts = document.getElementById('survey-charts');
    if (charts) { district(charts); }
    var questions = document.getElementById('chart-questions');
    if (questions) { estate(questions); }
})();
