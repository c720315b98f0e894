/* Kaoping dashboards: draws the charts from the JSON the page embeds (#dashboard-data) with ECharts, switches a
   card between its chart and its table, and redraws after htmx replaces the dashboard. No build step. */
(function () {
    'use strict';

    var charts = [];

    function option(id, d) {
        var L = d.labels;
        var small = { fontSize: 11 };
        switch (id) {
            case 'histogram':
                return {
                    tooltip: {}, grid: { left: 40, right: 16, top: 24, bottom: 40 },
                    xAxis: { type: 'category', data: d.histogram.labels, axisLabel: small },
                    yAxis: { type: 'value', minInterval: 1, name: L.estates },
                    series: [{ type: 'bar', name: L.estates, data: d.histogram.values, barCategoryGap: '5%',
                        label: { show: true, position: 'top' } }]
                };
            case 'grades':
                return {
                    tooltip: {}, grid: { left: 40, right: 16, top: 24, bottom: 32 },
                    xAxis: { type: 'category', data: d.grades.labels },
                    yAxis: { type: 'value', minInterval: 1, name: L.estates },
                    series: [{ type: 'bar', name: L.estates, data: d.grades.values, itemStyle: { color: '#52a35a' },
                        label: { show: true, position: 'top' } }]
                };
            case 'extremes':
                return {
                    tooltip: {},
                    title: [{ text: L.best, left: '2%', textStyle: { fontSize: 13 } },
                        { text: L.worst, left: '52%', textStyle: { fontSize: 13 } }],
                    grid: [{ left: '2%', width: '44%', top: 28, bottom: 8, containLabel: true },
                        { left: '52%', width: '44%', top: 28, bottom: 8, containLabel: true }],
                    xAxis: [scoreAxis(0, d.scoreMax), scoreAxis(1, d.scoreMax)],
                    yAxis: [{ type: 'category', gridIndex: 0, inverse: true, data: d.best.names, axisLabel: small },
                        { type: 'category', gridIndex: 1, inverse: true, data: d.worst.names, axisLabel: small }],
                    series: [{ type: 'bar', name: L.best, xAxisIndex: 0, yAxisIndex: 0, data: d.best.values,
                        itemStyle: { color: '#52a35a' }, label: { show: true, position: 'right' } },
                        { type: 'bar', name: L.worst, xAxisIndex: 1, yAxisIndex: 1, data: d.worst.values,
                            itemStyle: { color: '#d9363e' }, label: { show: true, position: 'right' } }]
                };
            case 'estate-trend':
                return trend(d.estateTrend.labels, L.score, d.estateTrend.scores, L.districtPlace, d.estateTrend.places,
                    d.scoreMax);
            case 'company-trend':
                return trend(d.companyTrend.labels, L.average, d.companyTrend.averages, L.companyPlace,
                    d.companyTrend.places, d.scoreMax);
            case 'participation':
                return {
                    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 16, top: 32, bottom: 60 },
                    xAxis: { type: 'category', data: d.participation.labels, axisLabel: { rotate: 20, fontSize: 10 } },
                    yAxis: { type: 'value', max: 100, name: '%' },
                    series: [{ type: 'bar', name: L.participation, data: d.participation.values,
                        label: { show: true, position: 'top' } },
                        { type: 'line', name: L.threshold, data: d.participation.thresholds, step: 'middle',
                            symbol: 'none', lineStyle: { color: '#d9363e', type: 'dashed' }, itemStyle: { color: '#d9363e' } }]
                };
            case 'rounds':
                return {
                    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: {},
                    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', inverse: true, data: d.rounds.labels, axisLabel: small },
                    series: [stack(L.accepted, d.rounds.accepted, '#52a35a'), stack(L.awaiting, d.rounds.awaiting, '#5470c6'),
                        stack(L.returned, d.rounds.returned, '#fac858'), stack(L.pending, d.rounds.pending, '#bbbbbb')]
                };
        }
        return null;
    }

    /* a score line (left axis, up to the scheme's maximum) and a place line (right axis, 1 at the top) */
    function trend(labels, valueName, values, placeName, places, max) {
        return {
            tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 40, top: 40, bottom: 32 },
            xAxis: { type: 'category', data: labels },
            yAxis: [{ type: 'value', name: valueName, max: max == null ? null : max,
                    min: function (v) { return Math.max(0, Math.floor((v.min - 5) / 10) * 10); } },
                { type: 'value', name: placeName, inverse: true, minInterval: 1, min: 1,
                    max: function (v) { return Math.max(v.max + 1, 3); } }],
            series: [{ type: 'line', name: valueName, data: values, connectNulls: false, label: { show: true } },
                { type: 'line', name: placeName, yAxisIndex: 1, data: places, lineStyle: { type: 'dashed' } }]
        };
    }

    /* a score axis from a little below the lowest score, so close scores stay apart */
    function scoreAxis(grid, max) {
        return { type: 'value', gridIndex: grid, max: max == null ? null : max,
            min: function (v) { return Math.max(0, Math.floor((v.min - 5) / 10) * 10); } };
    }

    function stack(name, data, color) {
        return { type: 'bar', stack: 'tasks', name: name, data: data, itemStyle: { color: color } };
    }

    function dispose() {
        charts.forEach(function (c) { c.dispose(); });
        charts = [];
    }

    function draw() {
        var el = document.getElementById('dashboard-data');
        if (!el || typeof echarts === 'undefined') {
            return;
        }
        dispose();
        var d = JSON.parse(el.textContent);
        document.querySelectorAll('.dash-chart').forEach(function (div) {
            var id = div.getAttribute('data-chart');
            if (id === 'extremes') {
                var rows = Math.max(d.best.names.length, d.worst.names.length, 1);
                div.style.height = (60 + 26 * rows) + 'px';
            }
            var opt = option(id, d);
            if (opt) {
                var chart = echarts.init(div);
                chart.setOption(opt);
                charts.push(chart);
            }
        });
    }

    /* the chart/table switch of a card */
    document.addEventListener('click', function (e) {
        var button = e.target.closest('[data-dash-view]');
        if (!button) {
            return;
        }
        var card = button.closest('.dash-card');
        var table = button.getAttribute('data-dash-view') === 'table';
        card.querySelectorAll('[data-dash-view]').forEach(function (b) {
            var on = b === button;
            b.classList.toggle('active', on);
            b.setAttribute('aria-pressed', on ? 'true' : 'false');
        });
        var chartDiv = card.querySelector('.dash-chart');
        var tableDiv = card.querySelector('.dash-table');
        if (chartDiv) { chartDiv.classList.toggle('d-none', table); }
        if (tableDiv) { tableDiv.classList.toggle('d-none', !table); }
        if (!table && chartDiv) {
            var chart = echarts.getInstanceByDom(chartDiv);
            if (chart) { chart.resize(); }
        }
    });

    document.body.addEventListener('htmx:beforeSwap', function (e) {
        if (e.detail.target && e.detail.target.id === 'dashboard') { dispose(); }
    });
    document.body.addEventListener('htmx:afterSettle', draw);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    draw();
})();
