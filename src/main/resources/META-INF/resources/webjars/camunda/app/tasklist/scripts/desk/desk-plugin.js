/*
 * 综合窗口 link in Tasklist's header — Camunda 7.24 front-end plugin API (ES module), loaded through customScripts in
 * app/tasklist/scripts/config.js. It opens the platform's front-desk page (/chuangkou/): the clerk's recent cases
 * with their receipts (受理回执) to print, and the search by case number or applicant. The page uses the same login.
 */
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
