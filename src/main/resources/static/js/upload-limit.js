// Refuses a file above the upload limit before it is sent: the form says the limit instead of waiting for
// the server's 413. Any <input type="file" data-max-size data-too-large> opts in (no inline script: strict CSP).
(function () {
    function check(input) {
        // Spring's DataSize: 20MB = 20 × 1024 × 1024 bytes
        var m = /^(\d+)\s*(B|KB|MB|GB)?$/i.exec(input.getAttribute('data-max-size') || '');
        var units = {B: 1, KB: 1024, MB: 1048576, GB: 1073741824};
        var max = m ? Number(m[1]) * units[(m[2] || 'B').toUpperCase()] : 0;
        var box = document.getElementById('upload-too-large');
        var tooLarge = max > 0 && Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
        input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
        input.classList.toggle('is-invalid', tooLarge);
        if (box) {
            box.textContent = tooLarge ? input.getAttribute('data-too-large') : '';
            box.classList.toggle('d-none', !tooLarge);
        }
        return !tooLarge;
    }
    document.addEventListener('change', function (e) {
        if (e.target.matches && e.target.matches('input[type=file][data-max-size]')) {
            check(e.target);
        }
    });
    document.addEventListener('submit', function (e) {
        var inputs = e.target.querySelectorAll('input[type=file][data-max-size]');
        for (var i = 0; i < inputs.length; i++) {
            if (!check(inputs[i])) {
                e.preventDefault();
            }
        }
    }, true);
})();
