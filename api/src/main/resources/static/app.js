// Demo portal: shows an article, sends a page view for every article opened, and mounts the
// embeddable "You Might Like" widget (widget.js) for it. Uses only the public endpoints.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var currentArticleId = null;
  var readerId = Eplly.readerId;

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = props[k]; } else { node.setAttribute(k, props[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function showError(message) { $('error').textContent = message || ''; }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) { throw new Error(body.error || ('HTTP ' + res.status)); }
        return body;
      });
    });
  }

  function articleLink(id, text, referrer) {
    var a = el('a', { href: '?articleId=' + encodeURIComponent(id), text: text });
    a.addEventListener('click', function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      history.pushState({ articleId: id }, '', '?articleId=' + encodeURIComponent(id));
      open(id, referrer);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    });
    return a;
  }

  function renderArticle(a) {
    var story = $('story');
    story.replaceChildren();
    document.title = a.title + ' — Eplly News';
    story.appendChild(el('span', { 'class': 'category', text: a.category }));
    story.appendChild(el('h1', { text: a.title }));
    story.appendChild(el('div', { 'class': 'meta', text: new Date(a.publishedAt).toLocaleString() }));
    if (a.hidden) {
      story.appendChild(el('p', { 'class': 'notice', text: 'This article was withdrawn by the newsroom.' }));
    }
    story.appendChild(el('p', { 'class': 'summary', text: a.summary || 'No summary available.' }));
    if (a.tags && a.tags.length) {
      story.appendChild(el('ul', { 'class': 'tags' }, a.tags.map(function (t) { return el('li', { text: t }); })));
    }
  }

  function renderStatus(body) {
    $('model').textContent = body.modelVersion ? 'model ' + body.modelVersion : 'no model published';
    $('degraded').hidden = !body.degraded;
  }

  function renderLatest(items) {
    $('latest').replaceChildren.apply($('latest'), items.slice(0, 8).map(function (a) {
      return el('li', {}, [articleLink(a.articleId, a.title, null)]);
    }));
  }

  function sendPageView(articleId, referrerArticleId) {
    return Eplly.sendPageView(articleId, referrerArticleId).then(function (ok) {
      if (!ok) { showError('page view not recorded'); }
    });
  }

  function loadSuggestions(articleId) {
    var block = $('ymal');
    block.setAttribute('data-eplly-article', articleId);
    return Eplly.mount(block).then(function (body) {
      if (!body) { showError('suggestions are unavailable'); }
    });
  }

  // recorded: the page view the widget already sent for a click on a suggestion, if any
  function open(articleId, referrerArticleId, recorded) {
    currentArticleId = articleId;
    showError('');
    getJson('v1/articles/' + encodeURIComponent(articleId))
      .then(renderArticle)
      .catch(function (e) {
        $('story').replaceChildren(el('p', { 'class': 'notice', text: 'Cannot show ' + articleId + ': ' + e.message }));
      });
    // Record the read first, so the suggestions can already leave this article out of the session.
    (recorded || sendPageView(articleId, referrerArticleId)).then(function () {
      if (currentArticleId === articleId) { loadSuggestions(articleId); }
    });
  }

  $('ymal').addEventListener('eplly:rendered', function (event) { renderStatus(event.detail); });
  $('ymal').addEventListener('eplly:click', function (event) {
    event.preventDefault();
    var id = event.detail.articleId;
    history.pushState({ articleId: id }, '', '?articleId=' + encodeURIComponent(id));
    open(id, event.detail.referrerArticleId, event.detail.recorded);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  });

  window.addEventListener('popstate', function () {
    var id = new URLSearchParams(location.search).get('articleId');
    if (id) { open(id, null); }
  });

  $('reader').textContent = 'reader ' + readerId;

  var latest = getJson('v1/articles?limit=12').then(function (body) {
    renderLatest(body.items);
    return body.items;
  }).catch(function (e) { showError('latest: ' + e.message); return []; });

  var requested = new URLSearchParams(location.search).get('articleId');
  if (requested) {
    open(requested, null);
  } else {
    latest.then(function (items) {
      if (items.length) {
        history.replaceState({ articleId: items[0].articleId }, '', '?articleId=' + encodeURIComponent(items[0].articleId));
        open(items[0].articleId, null);
      } else {
        $('story').replaceChildren(el('p', { 'class': 'muted', text: 'No articles in the catalog yet.' }));
      }
    });
  }
}());
