// Keyboard shortcuts of hwgrade review. On a part: c correct, p partially correct (the score
// field), 1-9 partially correct 0.1-0.9, i incorrect, u unanswered, m the comment; everywhere:
// n or j next, k previous, q the queue. Keys typed into a field are the field's.
(function () {
  'use strict';
  function follow(id) {
    var a = document.getElementById(id);
    if (a) {
      window.location.href = a.href;
      return true;
    }
    return false;
  }
  function settle(form, verdict) {
    var b = document.getElementById('settle-' + verdict);
    if (!b) {
      return false;
    }
    if (form.requestSubmit) {
      form.requestSubmit(b);
    } else {
      b.click();
    }
    return true;
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' ||
        t.isContentEditable)) {
      if (e.key === 'Escape') {
        t.blur();
      }
      return;
    }
    var form = document.getElementById('settle');
    var done = false;
    switch (e.key) {
      case 'n':
      case 'j':
        done = follow('next');
        break;
      case 'k':
        done = follow('prev');
        break;
      case 'q':
        done = follow('queue');
        break;
      case 'c':
        done = form && settle(form, 'correct');
        break;
      case 'p':
        done = form && settle(form, 'partially_correct');
        break;
      case 'i':
        done = form && settle(form, 'incorrect');
        break;
      case 'u':
        done = form && settle(form, 'unanswered');
        break;
      case 'm':
        var c = document.getElementById('comment');
        if (c) {
          c.focus();
          done = true;
        }
        break;
      default:
        if (form && /^[1-9]$/.test(e.key)) {
          document.getElementById('score').value = '0.' + e.key;
          done = settle(form, 'partially_correct');
        }
    }
    if (done) {
      e.preventDefault();
    }
  });
})();
