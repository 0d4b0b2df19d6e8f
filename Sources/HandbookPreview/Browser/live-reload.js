// Added by `handbook serve` to every page it serves, after `var handbookPreview = { events, generation, page }`.
(function (preview) {
  var key = "handbook-preview-scroll:" + location.pathname;
  var saved = null;
  try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
  if (saved !== null) addEventListener("load", function () { scrollTo(0, +saved); });
  function reload() {
    // Before "load" the page is not yet back at the reader's place: keep the place it is going back to.
    var place = saved !== null && document.readyState !== "complete" ? +saved : scrollY;
    try { sessionStorage.setItem(key, String(place)); } catch (e) {}
    location.reload();
  }
  function sitePath(url) {
    var parsed = new URL(url, location.href);
    return parsed.origin === location.origin ? decodeURIComponent(parsed.pathname.slice(1)) : null;
  }
  function uses(selector, attribute, changed) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), function (element) {
      var value = element.getAttribute(attribute);
      return value && changed.indexOf(sitePath(value)) >= 0;
    });
  }
  var source = new EventSource(preview.events);
  source.addEventListener("change", function (event) {
    var change = JSON.parse(event.data);
    if (change.generation <= preview.generation) return;
    preview.generation = change.generation;
    var changed = change.paths;
    if (change.all || change.overlay || changed.indexOf(preview.page) >= 0
        || uses("script[src], img[src], source[src], video[src], audio[src]", "src", changed).length
        || uses("link[rel~=icon], link[rel=preload], link[rel=manifest]", "href", changed).length) {
      return reload();
    }
    uses('link[rel~="stylesheet"]', "href", changed).forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("preview", String(change.generation));
      link.href = url.href;
    });
  });
})(handbookPreview);
