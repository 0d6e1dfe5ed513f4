// The division picker (fragments/division :: picker): one select per level from the top down (an only
// child is chosen by itself), and a search by name whose hits carry their chain of names, so that
// villages of the same name in different townships can be told apart. The chosen code goes into the
// hidden input; with a required level (data-leaf) it is set only once that level is reached.
(function () {
  'use strict';

  function initPicker(root) {
    var api = root.getAttribute('data-api');
    var leaf = root.getAttribute('data-leaf') || '';
    var under = root.getAttribute('data-under') || '';
    var hidden = root.querySelector('.division-value');
    var levels = root.querySelector('.division-levels');
    var chosen = root.querySelector('.division-chosen');
    var search = root.querySelector('.division-search');
    var results = root.querySelector('.division-results');
    var chain = [];
    var generation = 0;

    function levelName(level) {
      return root.getAttribute('data-level-' + String(level).toLowerCase()) || level;
    }

    function get(url) {
      return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }

    function children(code) {
      return get(api + (code ? '?parent=' + encodeURIComponent(code) : ''));
    }

    function update() {
      var last = chain.length ? chain[chain.length - 1] : null;
      var complete = last && (!leaf || last.level === leaf);
      hidden.value = complete ? last.code : '';
      chosen.textContent = chain.length ? chain.map(function (n) { return n.name; }).join(' › ') : '';
      chosen.classList.toggle('text-success', !!complete);
      root.dispatchEvent(new CustomEvent('division-change', { bubbles: true, detail: { code: hidden.value } }));
    }

    function select(nodes, depth) {
      var wrapper = document.createElement('div');
      wrapper.className = 'col-12 col-sm-6 col-lg-4';
      var element = document.createElement('select');
      element.className = 'form-select form-select-sm';
      element.setAttribute('data-depth', depth);
      element.setAttribute('aria-label', levelName(nodes[0].level));
      var prompt = document.createElement('option');
      prompt.value = '';
      prompt.textContent = root.getAttribute('data-choose').replace('{0}', levelName(nodes[0].level));
      element.appendChild(prompt);
      nodes.forEach(function (node) {
        var option = document.createElement('option');
        option.value = node.code;
        option.textContent = node.name;
        element.appendChild(option);
      });
      element.addEventListener('change', function () {
        var node = nodes.filter(function (n) { return n.code === element.value; })[0];
        chain = chain.slice(0, depth);
        if (node) {
          chain.push(node);
        }
        render(depth + 1);
      });
      wrapper.appendChild(element);
      levels.appendChild(wrapper);
      return element;
    }

    // Draws the selects from `depth` on: the chosen ones as chosen, then the next level to choose.
    function render(depth) {
      var mine = ++generation;
      while (levels.children.length > depth) {
        levels.removeChild(levels.lastChild);
      }
      update();
      var parent = depth === 0 ? under : chain[depth - 1].code;
      if (depth > 0 && leaf && chain[depth - 1].level === leaf) {
        return Promise.resolve();
      }
      return children(parent).then(function (nodes) {
        if (mine !== generation || !nodes.length) {
          return;
        }
        var element = select(nodes, depth);
        if (chain.length > depth) {
          element.value = chain[depth].code;
          return render(depth + 1);
        }
        if (nodes.length === 1) {
          element.value = nodes[0].code;
          chain.push(nodes[0]);
          return render(depth + 1);
        }
      });
    }

    // Chooses a division and all above it (below the picker's starting point).
    function choose(code) {
      return get(api + '/' + encodeURIComponent(code) + '/ancestry').then(function (nodes) {
        var start = 0;
        if (under) {
          var at = nodes.map(function (n) { return n.code; }).indexOf(under);
          start = at < 0 ? nodes.length : at + 1;
        }
        chain = nodes.slice(start);
        while (levels.firstChild) {
          levels.removeChild(levels.firstChild);
        }
        return render(0);
      });
    }

    var timer = null;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      var text = search.value.trim();
      timer = setTimeout(function () {
        if (!text) {
          results.replaceChildren();
          return;
        }
        var url = api + '/search?q=' + encodeURIComponent(text) + (under ? '&under=' + encodeURIComponent(under) : '')
          + (leaf ? '&level=' + encodeURIComponent(leaf) : '');
        get(url).then(function (hits) {
          if (search.value.trim() !== text) {
            return;
          }
          results.replaceChildren();
          if (!hits.length) {
            var none = document.createElement('div');
            none.className = 'list-group-item small text-secondary';
            none.textContent = root.getAttribute('data-search-empty');
            results.appendChild(none);
            return;
          }
          hits.forEach(function (hit) {
            var item = document.createElement('button');
            item.type = 'button';
            item.className = 'list-group-item list-group-item-action small';
            item.setAttribute('data-code', hit.code);
            item.textContent = hit.label;
            item.addEventListener('click', function () {
              results.replaceChildren();
              search.value = '';
              choose(hit.code);
            });
            results.appendChild(item);
          });
        });
      }, 250);
    });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        var first = results.querySelector('button');
        if (first) {
          first.click();
        }
      }
    });

    if (hidden.value) {
      choose(hidden.value);
    } else {
      render(0);
    }
    // text typed before this script ran (a fast hand, a slow phone) is searched at once
    if (search.value.trim()) {
      search.dispatchEvent(new Event('input'));
    }
  }

  // Several divisions (fragments/division :: pickerList): chips for the chosen ones, the picker for one
  // more, "add" puts the picker's division among them; the hidden input holds the codes.
  function initList(list) {
    var value = list.querySelector('.division-list-value');
    var chips = list.querySelector('.division-chips');
    var picker = list.querySelector('.division-picker, [data-testid=division-fixed]');
    var add = list.querySelector('.division-add');

    function codes() {
      return Array.prototype.map.call(chips.querySelectorAll('.division-chip'), function (chip) {
        return chip.getAttribute('data-code');
      });
    }
    function sync() {
      value.value = codes().join(',');
    }
    chips.addEventListener('click', function (event) {
      if (event.target.classList.contains('division-remove')) {
        event.target.closest('.division-chip').remove();
        sync();
      }
    });
    add.addEventListener('click', function () {
      var chosen = picker.querySelector('input[type=hidden]');
      var code = chosen ? chosen.value : '';
      if (!code || codes().indexOf(code) >= 0) {
        return;
      }
      var label = picker.querySelector('.division-chosen');
      var names = label ? label.textContent.split(' › ') : [code];
      var chip = document.createElement('span');
      chip.className = 'badge text-bg-light border fw-normal division-chip';
      chip.setAttribute('data-code', code);
      var name = document.createElement('span');
      name.textContent = names[names.length - 1] || code;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'btn-close ms-1 align-middle division-remove';
      remove.style.fontSize = '.6rem';
      remove.setAttribute('aria-label', add.getAttribute('data-remove'));
      chip.appendChild(name);
      chip.appendChild(remove);
      chips.appendChild(chip);
      sync();
    });
    sync();
  }

  function initAll(scope) {
    (scope || document).querySelectorAll('.division-picker:not([data-ready])').forEach(function (root) {
      root.setAttribute('data-ready', '');
      initPicker(root);
    });
    (scope || document).querySelectorAll('.division-list:not([data-ready])').forEach(function (list) {
      list.setAttribute('data-ready', '');
      initList(list);
    });
  }

  document.addEventListener('DOMContentLoaded', function () { initAll(document); });
  document.addEventListener('htmx:afterSwap', function (event) { initAll(event.target); });
})();
