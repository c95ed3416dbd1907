// `/assets/external/widget.js` and `widget.css`: the emulator's own implementation of Calendly's embed script
// (REFERENCE §9.1). Same global API (`Calendly.initInlineWidget`, `initPopupWidget`, `showPopupWidget`,
// `closePopupWidget`, `initBadgeWidget`, `destroyBadgeWidget`, auto-init of `.calendly-inline-widget[data-url]`), same
// class names, and the same iframe URL: `embed_domain=<host>&embed_type=<Inline|PopupText|PopupWidget>`, the parent
// page's utm_* parameters, the URL's own parameters, then prefill (`name`, `first_name`, `last_name`, `email`,
// `guests`, `location`, `date`, `a1`…`a10`) and utm options (`utm_campaign`, … , `salesforce_uuid`).
export const WIDGET_JS = `/* Calendly emulator embed widget */
(function () {
  "use strict";
  var Calendly = window.Calendly = window.Calendly || {};
  if (Calendly.__emulator) return;
  Calendly.__emulator = true;
  var HOST_UTM = ["utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term"];
  var UTM_OPTIONS = ["utmCampaign", "utmSource", "utmMedium", "utmContent", "utmTerm"];
  var PREFILL = ["name", "firstName", "lastName", "email", "location"];

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { fn(); });
    else fn();
  }
  function snake(key) { return key.replace(/([A-Z])/g, "_$1").toLowerCase(); }
  function decode(value) { try { return decodeURIComponent(value.replace(/\\+/g, " ")); } catch (e) { return value; } }
  function queryOf(url) {
    var out = {}, i = url.indexOf("?");
    if (i < 0) return out;
    url.slice(i + 1).split("#")[0].split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (!pair || eq < 0) return;
      out[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
    });
    return out;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function isoDate(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

  /** The iframe URL, built like Calendly's widget.js. */
  function buildUrl(url, embedType, options) {
    var clean = String(url).split("#")[0];
    var params = { embed_domain: document.location.host, embed_type: embedType };
    var host = queryOf(window.location.href);
    HOST_UTM.forEach(function (k) { if (host[k]) params[k] = host[k]; });
    var own = queryOf(clean);
    Object.keys(own).forEach(function (k) { params[k] = own[k]; });
    var prefill = options.prefill || {};
    PREFILL.forEach(function (k) { if (prefill[k]) params[snake(k)] = prefill[k]; });
    if (prefill.guests && prefill.guests.length) params.guests = [].concat(prefill.guests).join(",");
    if (prefill.date) { var d = new Date(prefill.date); if (!isNaN(d.getTime())) { params.date = isoDate(d); } }
    var answers = prefill.customAnswers || {};
    Object.keys(answers).forEach(function (k) { if (/^a\\d{1,2}$/.test(k) && answers[k]) params[k] = answers[k]; });
    var utm = options.utm || {};
    UTM_OPTIONS.forEach(function (k) { if (utm[k]) params[snake(k)] = utm[k]; });
    if (utm.salesforce_uuid || utm.salesforceUuid) params.salesforce_uuid = utm.salesforce_uuid || utm.salesforceUuid;
    var query = Object.keys(params).map(function (k) { return k + "=" + encodeURIComponent(params[k]); }).join("&");
    return (clean.split("?")[0] + "?" + query).replace(/consent_accept=1&?/g, "");
  }
  Calendly._buildUrl = buildUrl;

  function spinner() {
    var s = document.createElement("div");
    s.className = "calendly-spinner";
    s.setAttribute("role", "status");
    s.setAttribute("aria-label", "Loading");
    for (var i = 1; i <= 3; i++) { var b = document.createElement("div"); b.className = "calendly-bounce" + i; s.appendChild(b); }
    return s;
  }

  function Iframe(options) {
    var parent = options.parentElement;
    if (parent && parent.jquery) parent = parent[0];
    if (!parent) throw "Calendly: Parent element not set";
    var url = options.url || parent.getAttribute("data-url");
    if (!url) throw "Calendly: Widget URL not set";
    var node = document.createElement("iframe");
    node.src = buildUrl(url, options.embedType, options);
    node.width = "100%";
    node.height = "100%";
    node.frameBorder = "0";
    node.title = options.iframeTitle || "Select a Date & Time - Calendly";
    node.setAttribute("allow", "payment");
    var spin = spinner();
    node.addEventListener("load", function () { if (spin.parentNode) spin.parentNode.removeChild(spin); });
    if (options.inlineStyles) parent.style.position = parent.style.position || "relative";
    parent.appendChild(spin);
    parent.appendChild(node);
    if (options.resize || parent.getAttribute("data-resize") === "true") {
      window.addEventListener("message", function (e) {
        if (e.source !== node.contentWindow || !e.data || e.data.event !== "calendly.page_height") return;
        var h = e.data.payload && e.data.payload.height;
        if (h) parent.style.height = h;
      });
    }
    this.node = node;
    this.parent = parent;
  }
  Calendly.Iframe = Iframe;

  Calendly.initInlineWidget = function (options) {
    if (!options || !options.url) return;
    var parent = options.parentElement || (document.currentScript && document.currentScript.parentNode);
    ready(function () {
      var o = {};
      Object.keys(options).forEach(function (k) { o[k] = options[k]; });
      o.parentElement = parent;
      o.embedType = "Inline";
      return new Iframe(o);
    });
  };

  function autoLoad() {
    var nodes = document.querySelectorAll(".calendly-inline-widget");
    Array.prototype.forEach.call(nodes, function (el) {
      if (el.getAttribute("data-processed") || el.getAttribute("data-auto-load") === "false" || !el.getAttribute("data-url")) return;
      el.setAttribute("data-processed", "true");
      new Iframe({ parentElement: el, inlineStyles: true, embedType: "Inline" });
    });
  }

  var lastFocus = null;
  function onKey(e) { if (e.key === "Escape") Calendly.closePopupWidget(); }
  function Popup(url, embedType, options) {
    var self = this;
    this.overlay = document.createElement("div");
    this.overlay.className = "calendly-overlay";
    this.overlay.setAttribute("role", "dialog");
    this.overlay.setAttribute("aria-modal", "true");
    this.overlay.setAttribute("aria-label", "Schedule a meeting");
    var closer = document.createElement("div");
    closer.className = "calendly-close-overlay";
    closer.onclick = function () { Calendly.closePopupWidget(); };
    var popup = document.createElement("div");
    popup.className = "calendly-popup";
    var content = document.createElement("div");
    content.className = "calendly-popup-content";
    content.setAttribute("data-url", url);
    popup.appendChild(content);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "calendly-popup-close";
    close.setAttribute("aria-label", "Close");
    close.onclick = function () { Calendly.closePopupWidget(); };
    this.overlay.appendChild(closer);
    this.overlay.appendChild(popup);
    this.overlay.appendChild(close);
    var o = {};
    Object.keys(options || {}).forEach(function (k) { o[k] = options[k]; });
    o.url = url;
    o.parentElement = content;
    o.embedType = embedType;
    this.iframe = new Iframe(o);
    this.show = function () {
      lastFocus = document.activeElement;
      document.body.appendChild(self.overlay);
      self.overflow = document.body.style.overflow;
      document.body.style.overflow = "hidden";
      document.addEventListener("keydown", onKey);
      close.focus();
    };
    this.close = function () {
      document.removeEventListener("keydown", onKey);
      if (self.overlay.parentNode) self.overlay.parentNode.removeChild(self.overlay);
      document.body.style.overflow = self.overflow || "";
      if (lastFocus && lastFocus.focus) lastFocus.focus();
    };
  }

  Calendly.showPopupWidget = function (url, embedType, options) {
    Calendly.closePopupWidget();
    Calendly.popupWidget = new Popup(url, embedType || "PopupText", options || {});
    Calendly.popupWidget.show();
  };
  Calendly.initPopupWidget = function (options) {
    ready(function () { Calendly.showPopupWidget(options.url, "PopupText", options); });
  };
  Calendly.closePopupWidget = function () {
    if (!Calendly.popupWidget) return;
    Calendly.popupWidget.close();
    delete Calendly.popupWidget;
  };

  Calendly.initBadgeWidget = function (options) {
    ready(function () {
      Calendly.destroyBadgeWidget();
      var popupOptions = {};
      Object.keys(options).forEach(function (k) { if (["color", "textColor", "text", "branding"].indexOf(k) < 0) popupOptions[k] = options[k]; });
      var widget = document.createElement("div");
      widget.className = "calendly-badge-widget";
      var content = document.createElement("div");
      content.className = "calendly-badge-content" + (options.color === "#ffffff" ? " calendly-white" : "");
      content.setAttribute("role", "button");
      content.tabIndex = 0;
      content.textContent = options.text || "Schedule time with me";
      content.style.background = options.color || "#00a2ff";
      content.style.color = options.textColor || "#ffffff";
      var open = function () { Calendly.showPopupWidget(options.url, "PopupWidget", popupOptions); };
      content.onclick = open;
      content.onkeydown = function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } };
      if (options.branding) { var b = document.createElement("span"); b.textContent = "powered by Calendly"; content.appendChild(b); }
      widget.appendChild(content);
      document.body.insertBefore(widget, document.body.firstChild);
      Calendly.badgeWidget = { widget: widget, destroy: function () { if (widget.parentNode) widget.parentNode.removeChild(widget); } };
    });
  };
  Calendly.destroyBadgeWidget = function () {
    if (!Calendly.badgeWidget) return;
    Calendly.badgeWidget.destroy();
    delete Calendly.badgeWidget;
  };

  ready(autoLoad);
})();
`;

export const WIDGET_CSS = `/* Calendly emulator embed widget */
.calendly-inline-widget,.calendly-inline-widget *,.calendly-badge-widget,.calendly-badge-widget *,.calendly-overlay,.calendly-overlay *{font-size:16px;line-height:1.2em}
.calendly-inline-widget{position:relative;min-width:320px;height:630px}
.calendly-inline-widget iframe,.calendly-badge-widget iframe,.calendly-overlay iframe{display:inline;width:100%;height:100%;border:0}
.calendly-popup-content{position:relative;height:100%}
.calendly-popup-content.calendly-mobile{-webkit-overflow-scrolling:touch;overflow-y:auto}
.calendly-overlay{position:fixed;top:0;left:0;right:0;bottom:0;overflow:hidden;z-index:9999;background-color:rgba(31,31,31,.4)}
.calendly-overlay .calendly-close-overlay{position:absolute;top:0;left:0;right:0;bottom:0}
.calendly-overlay .calendly-popup{box-sizing:border-box;position:absolute;top:50%;left:50%;transform:translateY(-50%) translateX(-50%);width:80%;min-width:900px;max-width:1000px;height:90%;max-height:680px;background:#fff;border-radius:8px;overflow:hidden}
@media (max-width:975px){.calendly-overlay .calendly-popup{position:fixed;top:50px;left:0;right:0;bottom:0;transform:none;width:100%;height:auto;min-width:0;max-height:none;border-radius:0}}
.calendly-overlay .calendly-popup-close{position:absolute;top:25px;right:25px;width:32px;height:32px;border:0;border-radius:50%;background:rgba(0,0,0,.55);color:#fff;cursor:pointer;font:700 18px/32px system-ui,sans-serif;padding:0}
.calendly-overlay .calendly-popup-close::before{content:"\\00d7"}
.calendly-overlay .calendly-popup-close:focus-visible{outline:3px solid #fff;outline-offset:2px}
.calendly-badge-widget{position:fixed;right:20px;bottom:15px;z-index:9998}
.calendly-badge-widget .calendly-badge-content{display:table-cell;width:auto;height:45px;padding:0 30px;border-radius:25px;box-shadow:rgba(0,0,0,.25) 0 2px 5px;font-family:sans-serif;text-align:center;vertical-align:middle;font-weight:700;font-size:14px;color:#fff;cursor:pointer}
.calendly-badge-widget .calendly-badge-content.calendly-white{color:#666a73}
.calendly-badge-widget .calendly-badge-content span{display:block;font-size:12px}
.calendly-badge-widget .calendly-badge-content:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.calendly-spinner{position:absolute;top:50%;left:0;right:0;transform:translateY(-50%);text-align:center;z-index:-1}
.calendly-spinner>div{display:inline-block;width:18px;height:18px;background-color:#e1e1e1;border-radius:50%;vertical-align:middle;animation:calendly-bouncedelay 1.4s infinite ease-in-out;animation-fill-mode:both}
.calendly-spinner .calendly-bounce1{animation-delay:-.32s}
.calendly-spinner .calendly-bounce2{animation-delay:-.16s}
@keyframes calendly-bouncedelay{0%,80%,100%{transform:scale(0)}40%{transform:scale(1)}}
`;
