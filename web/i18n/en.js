// en.js: the page's strings in English that scripts compose, one catalog (i18n.js) in two files by
// where they show: page.en.js (what the first frame shows) and panels.en.js (the panels loaded
// after it). The text and attributes of index.html's marked elements are written there only
// (page-lang.js reads them from the page as served), so each sentence is written once. Keys are
// grouped by prefix: page, top bar (top), data column (data), network (net), step-through (st),
// options (opt), output (out), compare and sweep (cmp), export (exp), runs, landscape (land), CSV
// import (csv), footer (foot), messages (msg), hints. Bundled with the page. The lessons' strings
// live in their own catalogs (lessons.en.js). tests/browser/i18n-catalog.test.mjs checks that zh.js
// holds every key of this catalog and of index.html and that every key the page uses is in one.
import page from './page.en.js';
import panels from './panels.en.js';

export default { ...page, ...panels };
