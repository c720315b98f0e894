// Behaviour the templates used to carry in on* attributes, which the Content-Security-Policy (script-src 'self')
// refuses: selects that submit their form, forms that ask first, and the estate list's export of the current filter.
(function () {
    'use strict';
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el.matches && el.matches('select[data-autosubmit]') && el.form) {
            el.form.submit();
        }
    });
    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.getAttribute('data-confirm'))) {
            e.preventDefault();
        }
    });
    document.addEventListener('click', function (e) {
        var button = e.target.closest ? e.target.closest('[data-export]') : null;
        if (!button) {
            return;
        }
        var form = document.getElementById(button.getAttribute('data-export-form'));
        var query = form ? new URLSearchParams(new FormData(form)).toString() : '';
        window.location = button.getAttribute('data-export') + (query ? '?' + query : '');
    });
})();
