/*
 * 综合窗口 link in Tasklist's header — Camunda 7.24 front-end plugin API (ES module), loaded through customScripts in
 * app/tasklist/scripts/config.js. It opens the platform's front-desk page (/chuangkou/): the clerk's recent cases
 * with their receipts (受理回执) to print, and the search by case number or applicant. The page uses the same login.
 *
 * It also makes the task list start in due-date order (soonest first), as the filters promise: Tasklist sorts by the
 * URL's `sorting` parameter and, without one, by creation date. A list URL without `sorting` gets due-date order;
 * a clerk who picks another order in the list's header keeps it (it is in the URL then).
 */
const DUE_FIRST = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));

function dueDateFirst() {
  const hash = window.location.hash || '';
  // the task list is the route '#/' (with its query); '#/login' and the others are left alone
  if (!(hash === '' || hash === '#' || hash === '#/' || hash.startsWith('#/?')) || /[?&]sorting=/.test(hash)) {
    return;
  }
  const base = hash.startsWith('#/?') ? hash + '&' : '#/?';
  window.location.replace(window.location.pathname + window.location.search + base + 'sorting=' + DUE_FIRST);
}

dueDateFirst();
window.addEventListener('hashchange', dueDateFirst);

export default [{
  id: 'yijianshi-desk-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/chuangkou/index.html';
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = '受理回执与办件查询';
    link.className = 'yijianshi-desk-link';
    link.style.marginRight = '12px';
    node.appendChild(link);
  }
}];
