// The person picker (fragments/person :: picker, casePicker): a search box over the scoped search API
// whose hits show the masked document number and the community's name, so that namesakes can be told
// apart. Arrow keys move through the hits, Enter chooses, Escape closes; a tap chooses on a phone. The
// chosen id goes into the hidden field; "更换" (change) empties it and opens the search again.
(function () {
  'use strict';
  if (window.epiPersonPicker) {
    return; // the fragment loads this file once per picker on the page
  }
  window.epiPersonPicker = true;

  function text(value) {
    return value == null ? '' : String(value);
  }

  // What a hit shows: the person's name, then what tells namesakes apart.
  function describe(kind, item) {
    if (kind === 'case') {
      var reported = text(item.reportedAt).substring(0, 10);
      return { id: item.id, title: text(item.personName), detail: [item.idNumber, reported].filter(Boolean).join(' · ') };
    }
    var born = text(item.birthDate).substring(0, 4);
    return {
      id: item.id,
      title: text(item.name),
      detail: [item.idNumber, item.jurisdictionName || item.jurisdictionCode, born, item.phone].filter(Boolean).join(' · ')
    };
  }

  function initPicker(root) {
    var api = root.getAttribute('data-api');
    var kind = root.getAttribute('data-kind');
    var hidden = root.querySelector('.picker-value');
    var chosen = root.querySelector('.picker-chosen');
    var find = root.querySelector('.picker-find');
    var search = root.querySelector('.picker-search');
    var results = root.querySelector('.picker-results');
    var hits = [];
    var active = -1;
    var timer = null;

    function note(message) {
      results.replaceChildren();
      var item = document.createElement('div');
      item.className = 'list-group-item small text-secondary';
      item.textContent = message;
      results.appendChild(item);
      search.setAttribute('aria-expanded', 'false');
    }

    function highlight(index) {
      var buttons = results.querySelectorAll('button');
      active = index;
      buttons.forEach(function (button, i) {
        button.classList.toggle('active', i === index);
        button.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      if (index >= 0 && buttons[index]) {
        search.setAttribute('aria-activedescendant', buttons[index].id);
        buttons[index].scrollIntoView({ block: 'nearest' });
      } else {
        search.removeAttribute('aria-activedescendant');
      }
    }

    function choose(hit) {
      hidden.value = hit.id;
      chosen.querySelector('.picker-title').textContent = hit.title;
      chosen.querySelector('.picker-detail').textContent = hit.detail;
      chosen.hidden = false;
      chosen.classList.remove('border-danger');
      find.hidden = true;
      results.replaceChildren();
      search.value = '';
      search.classList.remove('is-invalid');
      hits = [];
      root.dispatchEvent(new CustomEvent('person-change', { bubbles: true, detail: { id: hit.id } }));
      chosen.querySelector('.picker-change').focus();
    }

    function show(items) {
      results.replaceChildren();
      hits = items.map(function (item) { return describe(kind, item); });
      if (!hits.length) {
        note(root.getAttribute('data-none'));
        return;
      }
      hits.forEach(function (hit, i) {
        var button = document.createElement('button');
        button.type = 'button';
        button.id = hidden.id + '-hit-' + i;
        button.className = 'list-group-item list-group-item-action py-2';
        button.setAttribute('role', 'option');
        button.setAttribute('data-id', hit.id);
        var title = document.createElement('div');
        title.className = 'fw-semibold';
        title.textContent = hit.title;
        var detail = document.createElement('div');
        detail.className = 'small text-secondary';
        detail.textContent = hit.detail;
        button.appendChild(title);
        button.appendChild(detail);
        button.addEventListener('click', function () { choose(hit); });
        results.appendChild(button);
      });
      search.setAttribute('aria-expanded', 'true');
      highlight(0);
    }

    function lookUp(term) {
      // digits alone are a document tail (at least 4) or a mobile number
      if (/^\d{1,3}$/.test(term)) {
        note(root.getAttribute('data-short'));
        return;
      }
      fetch(api + '?size=8&q=' + encodeURIComponent(term), {
        headers: { Accept: 'application/json' }, credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      }).then(function (page) {
        if (search.value.trim() === term) {
          show(page.items || []);
        }
      }).catch(function () {
        if (search.value.trim() === term) {
          note(root.getAttribute('data-failed'));
        }
      });
    }

    search.addEventListener('input', function () {
      clearTimeout(timer);
      var term = search.value.trim();
      if (!term) {
        results.replaceChildren();
        hits = [];
        search.setAttribute('aria-expanded', 'false');
        return;
      }
      timer = setTimeout(function () { lookUp(term); }, 250);
    });

    search.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && hits.length) {
        event.preventDefault();
        highlight(Math.min(active + 1, hits.length - 1));
      } else if (event.key === 'ArrowUp' && hits.length) {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === 'Enter') {
        // Enter chooses the highlighted hit and never sends the form with no one chosen
        event.preventDefault();
        if (hits.length) {
          choose(hits[Math.max(active, 0)]);
        }
      } else if (event.key === 'Escape') {
        results.replaceChildren();
        hits = [];
        search.setAttribute('aria-expanded', 'false');
      }
    });

    // text typed before this script ran (a fast hand, a slow phone) is searched at once
    if (search.value.trim() && !hidden.value) {
      search.dispatchEvent(new Event('input'));
    }

    chosen.querySelector('.picker-change').addEventListener('click', function () {
      hidden.value = '';
      chosen.hidden = true;
      find.hidden = false;
      search.focus();
      root.dispatchEvent(new CustomEvent('person-change', { bubbles: true, detail: { id: '' } }));
    });
  }

  function initAll(scope) {
    (scope || document).querySelectorAll('.person-picker:not([data-ready])').forEach(function (root) {
      root.setAttribute('data-ready', '');
      initPicker(root);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { initAll(document); });
  } else {
    initAll(document);
  }
  document.addEventListener('htmx:afterSwap', function (event) { initAll(event.target); });
})();
