/*
 * 时限督办 (SLA) Cockpit plugins — Camunda 7.24 front-end plugin API (ES module).
 *
 * Loaded through customScripts in app/cockpit/scripts/config.js:
 *   customScripts: ['scripts/sla/sla-plugin.js']
 *
 * Five plugins, all reading the application's SLA API (/api/sla/..., admitted groups supervisor
 * and camunda-admin) with the Cockpit session cookie:
 *   - cockpit.dashboard                      sla-dashboard       时限督办 (SLA)
 *   - cockpit.dashboard                      sla-supervision     督办查询与统计: a case's 时限轨迹 by its number
 *                                                                (finished ones too), the report over a period
 *                                                                as a table, a chart and an .xlsx download
 *   - cockpit.processDefinition.diagram.plugin sla-diagram-heat  each step coloured by its breach rate over the
 *                                                                last 90 days, labelled with it and its median
 *   - cockpit.processDefinition.runtime.tab  sla-definition-tab  超期与即将超期
 *   - cockpit.processInstance.runtime.tab    sla-instance-tab    时限轨迹
 *
 * Plain DOM, no framework, no external resources. All data is inserted as text (textContent /
 * createTextNode), never as HTML.
 */

const REFRESH_MS = 60 * 1000;
const STYLE_ID = 'sla-plugin-style';

const STATE_LABELS = {
  ON_TRACK: '正常',
  DUE_SOON: '即将超期',
  OVERDUE: '已超期',
  PAUSED: '中止（补正）',
  MET: '按时办结',
  MISSED: '超期办结',
  CANCELED: '已撤销'
};

const STATE_CLASSES = {
  DUE_SOON: 'sla-warning',
  OVERDUE: 'sla-danger',
  MISSED: 'sla-danger',
  PAUSED: 'sla-muted',
  MET: 'sla-ok'
};

const EVENT_LABELS = {
  PAUSED: '时限中止',
  RESUMED: '恢复计时',
  DUE_SOON: '即将超期提醒',
  OVERDUE: '超期督办',
  EXTENDED: '延长时限',
  RECOUNTED: '按放假安排重算'
};

const UNIT_LABELS = { WD: '个工作日', CD: '个自然日', H: '小时' };

/* ---------------------------------------------------------------- helpers */

/**
 * The application's root (context path), computed from the page URL: Cockpit runs at
 * <root>/<webapp path, "camunda" by default>/app/cockpit/<engine>/, the SLA API at <root>/api/sla.
 */
function appRoot() {
  return webappRoot().replace(/\/[^/]*$/, '');
}

/** The Camunda webapps' root, "/camunda" by default: the part of the page URL before /app/<app>/. */
function webappRoot() {
  const path = window.location.pathname;
  const i = path.search(/\/app\/[^/]+\//);
  return i >= 0 ? path.slice(0, i) : '/camunda';
}

class SlaError extends Error {}

const NOT_LOGGED_IN = '未登录或登录已过期（401）：请重新登录 Cockpit 后查看时限数据。';

const REQUEST = {
  credentials: 'same-origin',
  headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
};

/**
 * The JSON a GET answers; any failure as an SlaError with a Chinese message. Our own API's 400 and 404 carry
 * their own Chinese message (a bad period, an unknown case number), which is shown as it is.
 */
async function getJson(url) {
  let response;
  try {
    response = await fetch(url, REQUEST);
  } catch (e) {
    throw new SlaError('无法连接服务器，时限数据加载失败，请稍后重试。');
  }
  if (response.status === 401) {
    throw new SlaError(NOT_LOGGED_IN);
  }
  if (response.status === 403) {
    throw new SlaError('无权查看时限督办数据（403）：仅督办（supervisor）和平台管理员账号可以访问。');
  }
  if (response.status === 400 || response.status === 404) {
    const problem = await response.json().catch(() => ({}));
    if (problem.message) {
      throw new SlaError(problem.message);
    }
  }
  if (!response.ok) {
    throw new SlaError('时限数据加载失败（HTTP ' + response.status + '），请稍后重试。');
  }
  return response.json();
}

/**
 * Whether the browser still has a webapp session, asked from Cockpit's own authentication resource
 * (404 without a session, and no Basic challenge). The SLA API answers a missing session with 401
 * and "WWW-Authenticate: Basic", on which the browser would open its own login dialog instead of
 * letting the card show the message.
 */
async function loggedIn(api) {
  const adminApi = api && api.adminApi ? api.adminApi : webappRoot() + '/api/admin';
  const engine = api && api.engine ? api.engine : 'default';
  try {
    const response = await fetch(adminApi + '/auth/user/' + encodeURIComponent(engine), REQUEST);
    return response.ok;
  } catch (e) {
    return true; // let the SLA API call report the problem
  }
}

async function slaApi(api, path) {
  if (!(await loggedIn(api))) {
    throw new SlaError(NOT_LOGGED_IN);
  }
  return getJson(appRoot() + '/api/sla' + path);
}

/** Creates an element; string/number children become text nodes (never parsed as HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, String(value));
    }
  });
  children.flat().forEach(child => {
    if (child === null || child === undefined) {
      return;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

function ensureStyle() {
  if (document.getElementById(STYLE_ID)) {
    return;
  }
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = [
    '.sla-plugin { padding: 10px 15px; }',
    '.sla-plugin h3 { margin: 0 0 10px; font-size: 18px; }',
    '.sla-plugin .sla-meta { color: #777; font-size: 12px; margin-bottom: 6px; }',
    '.sla-plugin table { width: 100%; margin-bottom: 10px; }',
    '.sla-plugin th, .sla-plugin td.sla-num, .sla-plugin td.sla-state { white-space: nowrap; }',
    '.sla-plugin td.sla-started, .sla-plugin td.sla-due, .sla-plugin td.sla-completed { white-space: nowrap; }',
    '.sla-plugin td.sla-num { text-align: right; font-variant-numeric: tabular-nums; }',
    '.sla-plugin .sla-danger { color: #c9302c; font-weight: bold; }',
    '.sla-plugin .sla-warning { color: #e67e00; font-weight: bold; }',
    '.sla-plugin .sla-ok { color: #3c763d; }',
    '.sla-plugin .sla-muted { color: #777; }',
    '.sla-plugin tr.sla-case-row td { background: #f7f7f7; }',
    '.sla-plugin .sla-message { padding: 8px 12px; margin: 6px 0; }',
    '.sla-plugin h4 { margin: 15px 0 8px; font-size: 15px; }',
    '.sla-plugin ul.sla-events { list-style: none; padding: 0; }',
    '.sla-plugin ul.sla-events li { padding: 4px 0; border-bottom: 1px solid #eee; }',
    '.sla-plugin ul.sla-events .sla-event-time { color: #777; margin-right: 10px; }',
    '.sla-plugin ul.sla-events .sla-event-kind { margin-right: 10px; }',
    '.sla-plugin .sla-form { margin: 6px 0 10px; }',
    '.sla-plugin .sla-case-summary { margin: 8px 0; }',
    '.sla-plugin #sla-report-chart { display: block; margin: 10px 0; }',
    '.sla-heat-ok:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #dff0d8 !important; }',
    '.sla-heat-some:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #fcf8e3 !important; }',
    '.sla-heat-high:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #f2dede !important; }',
    '.sla-heat-label { white-space: nowrap; font-size: 11px; padding: 1px 4px; border-radius: 3px;'
      + ' border: 1px solid #ccc; background: #fff; }',
    '.sla-heat-label.sla-heat-high { border-color: #c9302c; color: #c9302c; font-weight: bold; }',
    '.sla-heat-label.sla-heat-some { border-color: #e67e00; color: #8a5a00; }'
  ].join('\n');
  document.head.appendChild(style);
}

function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  if (isNaN(d.getTime())) {
    return String(iso);
  }
  return d.toLocaleString('zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false
  });
}

function formatShare(share) {
  if (share === null || share === undefined) {
    return '—';
  }
  return (Math.round(share * 1000) / 10).toFixed(1) + '%';
}

/** "5WD" → "5个工作日", "10WD warn 2WD" → "10个工作日（到期前2个工作日提醒）"; anything else as is. */
function formatPolicy(policy) {
  if (!policy) {
    return '—';
  }
  const duration = text => {
    const m = /^(\d+)(WD|CD|H)$/i.exec(String(text).trim());
    return m ? m[1] + UNIT_LABELS[m[2].toUpperCase()] : null;
  };
  const parts = String(policy).split(/\s+warn\s+/i);
  const limit = duration(parts[0]);
  if (!limit) {
    return String(policy);
  }
  if (parts.length > 1) {
    const warn = duration(parts[1]);
    return warn ? limit + '（到期前' + warn + '提醒）' : String(policy);
  }
  return limit;
}

function stateCell(state) {
  return el('td', { className: 'sla-state ' + (STATE_CLASSES[state] || ''), 'data-state': state },
    STATE_LABELS[state] || state || '—');
}

function message(kind, text) {
  return el('div', { className: 'alert alert-' + kind + ' sla-message', role: 'alert' }, text);
}

function showError(container, error) {
  clear(container);
  container.appendChild(message('danger', error instanceof SlaError
    ? error.message : '时限数据加载失败：' + (error && error.message ? error.message : String(error))));
}

function table(id, headers) {
  const tbody = el('tbody');
  const t = el('table', { id, className: 'table table-bordered table-condensed table-striped cam-table' },
    el('thead', null, el('tr', null, headers.map(h => el('th', null, h)))),
    tbody);
  return { table: t, tbody };
}

/* ------------------------------------------------------------- dashboard */

function renderDashboardRows(container, summary) {
  clear(container);
  const rows = (summary && summary.rows) || [];
  const days = summary && summary.days ? summary.days : 30;
  container.appendChild(el('div', { className: 'sla-meta' },
    '统计时间：' + formatTime(summary && summary.generatedAt) + '，每 60 秒自动刷新'));
  if (!rows.length) {
    container.appendChild(message('info', '暂无时限记录。'));
    return;
  }
  const { table: t, tbody } = table('sla-dashboard-table',
    ['流程', '部门', '在办', '即将超期', '已超期', '中止（补正）', '近' + days + '日按时办结率']);
  rows.forEach(r => {
    const count = (cls, value, alertClass) => el('td', {
      className: 'sla-num ' + cls + (value > 0 && alertClass ? ' ' + alertClass : '')
    }, value === null || value === undefined ? 0 : value);
    tbody.appendChild(el('tr', {
      'data-process': r.processKey,
      'data-department': r.department,
      className: r.department === 'case' ? 'sla-case-row' : null
    },
    el('td', { className: 'sla-process', title: r.processKey }, r.processName || r.processKey),
    el('td', { className: 'sla-department', title: r.department }, r.departmentName || r.department),
    count('sla-open', r.open),
    count('sla-due-soon', r.dueSoon, 'sla-warning'),
    count('sla-overdue', r.overdue, 'sla-danger'),
    count('sla-paused', r.paused),
    el('td', {
      className: 'sla-num sla-met-share',
      title: r.completed ? '按时 ' + r.met + ' / 办结 ' + r.completed : '期间内无办结'
    }, formatShare(r.metShare))));
  });
  container.appendChild(t);
}

let dashboardTimer = null;

const dashboardPlugin = {
  id: 'sla-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api } = {}) => {
    ensureStyle();
    if (dashboardTimer) {
      clearInterval(dashboardTimer);
    }
    const body = el('div', { className: 'sla-body' }, el('div', { className: 'sla-meta' }, '正在加载…'));
    clear(node);
    node.appendChild(el('div', { className: 'sla-plugin', id: 'sla-dashboard' },
      el('h3', null, '时限督办 (SLA)'), body));
    const load = () => slaApi(api, '/dashboard?days=30')
      .then(summary => renderDashboardRows(body, summary))
      .catch(error => showError(body, error));
    load();
    const timer = setInterval(() => {
      if (!node.isConnected) {
        clearInterval(timer);
        return;
      }
      load();
    }, REFRESH_MS);
    dashboardTimer = timer;
  },
  unmount: () => {
    if (dashboardTimer) {
      clearInterval(dashboardTimer);
      dashboardTimer = null;
    }
  },
  properties: {
    label: '时限督办 (SLA)'
  }
};

/* ------------------------------------------------- process definition tab */

async function processDefinitionKey(api, processDefinitionId) {
  try {
    const definition = await getJson(api.engineApi + '/process-definition/' + encodeURIComponent(processDefinitionId));
    if (definition && definition.key) {
      return definition.key;
    }
  } catch (e) {
    // fall back to the id, which is "<key>:<version>:<uuid>" for keys of ordinary length
  }
  return String(processDefinitionId).split(':')[0];
}

const definitionTabPlugin = {
  id: 'sla-definition-tab',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 5,
  render: (node, { api, processDefinitionId }) => {
    ensureStyle();
    const body = el('div', { className: 'sla-body' }, el('div', { className: 'sla-meta' }, '正在加载…'));
    clear(node);
    node.appendChild(el('div', { className: 'sla-plugin', id: 'sla-definition' }, body));
    processDefinitionKey(api, processDefinitionId)
      .then(key => slaApi(api, '/steps?processKey=' + encodeURIComponent(key)))
      .then(steps => {
        clear(body);
        if (!steps || !steps.length) {
          body.appendChild(message('success', '暂无即将超期或已超期的环节。'));
          return;
        }
        const { table: t, tbody } = table('sla-steps-table', ['办件编号', '环节', '部门', '状态', '到期时间']);
        steps.forEach(s => {
          const href = '#/process-instance/' + encodeURIComponent(s.processInstanceId) + '/runtime';
          tbody.appendChild(el('tr', { 'data-process-instance': s.processInstanceId, 'data-state': s.state },
            el('td', { className: 'sla-case-number' }, el('a', { href }, s.caseNumber || s.processInstanceId)),
            el('td', { className: 'sla-step', title: s.stepId }, el('a', { href }, s.stepName || s.stepId)),
            el('td', { className: 'sla-department' }, s.departmentName || s.department || '—'),
            stateCell(s.state),
            el('td', { className: 'sla-due' }, formatTime(s.dueAt))));
        });
        body.appendChild(t);
      })
      .catch(error => showError(body, error));
  },
  properties: {
    label: '超期与即将超期'
  }
};

/* --------------------------------------------------- process instance tab */

/** A case's SLA records and events (时限轨迹): the instance tab's and the case lookup's content. */
function renderTimeline(body, timeline) {
  clear(body);
  const records = (timeline && timeline.records) || [];
  const events = (timeline && timeline.events) || [];
  if (!records.length) {
    body.appendChild(message('info', '该办件暂无时限记录。'));
  } else {
    const { table: t, tbody } = table('sla-records-table',
      ['环节', '部门', '时限', '状态', '开始', '到期', '办结', '中止分钟']);
    records.forEach(r => {
      tbody.appendChild(el('tr', { 'data-step': r.stepId, 'data-state': r.state },
        el('td', { className: 'sla-step', title: r.stepId }, r.stepName || r.stepId),
        el('td', { className: 'sla-department' }, r.departmentName || r.department || '—'),
        el('td', { className: 'sla-policy', title: r.policy }, formatPolicy(r.policy)),
        stateCell(r.state),
        el('td', { className: 'sla-started' }, formatTime(r.startedAt)),
        el('td', { className: 'sla-due' }, formatTime(r.dueAt)),
        el('td', { className: 'sla-completed' }, formatTime(r.completedAt)),
        el('td', { className: 'sla-num sla-paused-minutes' }, r.pausedMinutes || 0)));
    });
    body.appendChild(t);
  }
  body.appendChild(el('h4', null, '时限事件'));
  if (!events.length) {
    body.appendChild(el('div', { className: 'sla-meta', id: 'sla-events-empty' }, '暂无时限事件。'));
    return;
  }
  body.appendChild(el('ul', { className: 'sla-events', id: 'sla-events' }, events.map(e =>
    el('li', { 'data-kind': e.kind, 'data-step': e.stepId },
      el('span', { className: 'sla-event-time' }, formatTime(e.createdAt)),
      el('strong', {
        className: 'sla-event-kind ' + (e.kind === 'OVERDUE' ? 'sla-danger' : e.kind === 'DUE_SOON' ? 'sla-warning' : '')
      }, EVENT_LABELS[e.kind] || e.kind),
      el('span', { className: 'sla-event-message' }, e.message || '')))));
}

const instanceTabPlugin = {
  id: 'sla-instance-tab',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 5,
  render: (node, { api, processInstanceId }) => {
    ensureStyle();
    const body = el('div', { className: 'sla-body' }, el('div', { className: 'sla-meta' }, '正在加载…'));
    clear(node);
    node.appendChild(el('div', { className: 'sla-plugin', id: 'sla-instance' }, body));
    slaApi(api, '/process-instances/' + encodeURIComponent(processInstanceId))
      .then(timeline => renderTimeline(body, timeline))
      .catch(error => showError(body, error));
  },
  properties: {
    label: '时限轨迹'
  }
};

/* ------------------------------------------ 督办: case lookup and report */

const CASE_NUMBER = /^JX[A-Z]{2}\d{14}$/;

const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * yyyy-MM-dd (the date inputs' format) of an instant, as a day in the office's zone: the reports count
 * Asia/Shanghai days whatever the browser's zone (between 00:00 and 08:00 there a UTC browser is still on
 * the day before).
 */
function isoDay(d) {
  return OFFICE_DAY.format(d);
}

async function lookUpCase(api, caseNumber, result) {
  clear(result);
  if (!CASE_NUMBER.test(caseNumber)) {
    result.appendChild(message('warning', '请输入完整的办件编号：JX、两位字母和14位数字，如 JXJH20261202000001。'));
    return;
  }
  result.appendChild(el('div', { className: 'sla-meta' }, '正在查询…'));
  if (!(await loggedIn(api))) {
    throw new SlaError(NOT_LOGGED_IN);
  }
  const progress = await getJson(appRoot() + '/api/cases/' + encodeURIComponent(caseNumber));
  const timeline = await getJson(appRoot() + '/api/sla/cases/' + encodeURIComponent(caseNumber));
  const body = el('div', { className: 'sla-body' });
  clear(result);
  result.appendChild(el('div', { className: 'sla-case-summary', id: 'sla-case-summary' },
    el('strong', null, progress.caseNumber), '　', progress.typeName || '', '　',
    el('span', { className: progress.status === 'OPEN' ? '' : 'sla-muted', id: 'sla-case-status' }, progress.statusName || progress.status),
    '　受理 ' + formatTime(progress.openedAt), progress.closedAt ? '　办结 ' + formatTime(progress.closedAt) : '',
    '　承诺办结 ' + formatTime(progress.dueAt)));
  result.appendChild(body);
  renderTimeline(body, timeline);
}

/** The report's rows as horizontal bars: finished on time (green) and late (red), scaled to the largest count. */
function reportChart(rows) {
  const shown = rows.filter(r => r.completed > 0 || r.openOverdue > 0);
  const max = Math.max(1, ...shown.map(r => r.completed + r.openOverdue));
  const barHeight = 18;
  const gap = 6;
  const labelWidth = 330;
  const width = 760;
  const scale = (width - labelWidth - 120) / max;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('id', 'sla-report-chart');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(shown.length * (barHeight + gap) + 30));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '各环节按时与超期办结数');
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) {
      node.appendChild(document.createTextNode(text));
    }
    svg.appendChild(node);
    return node;
  };
  shown.forEach((r, i) => {
    const y = i * (barHeight + gap);
    const label = (r.departmentName || r.department || '') + ' · ' + (r.stepName || r.stepId);
    add('text', { x: labelWidth - 8, y: y + 13, 'text-anchor': 'end', 'font-size': 12 },
      label.length > 26 ? label.slice(0, 25) + '…' : label).appendChild(
      document.createElementNS(ns, 'title')).appendChild(document.createTextNode((r.processName || '') + ' ' + label));
    add('rect', { x: labelWidth, y, width: r.met * scale, height: barHeight, fill: '#5cb85c', 'data-met': r.met });
    add('rect', { x: labelWidth + r.met * scale, y, width: r.missed * scale, height: barHeight, fill: '#d9534f',
      'data-missed': r.missed });
    add('rect', { x: labelWidth + (r.met + r.missed) * scale, y, width: r.openOverdue * scale, height: barHeight,
      fill: '#f0ad4e', 'data-open-overdue': r.openOverdue });
    add('text', { x: labelWidth + (r.completed + r.openOverdue) * scale + 6, y: y + 13, 'font-size': 12 },
      r.metRate === null || r.metRate === undefined ? '超期未办结 ' + r.openOverdue : '按时率 ' + formatShare(r.metRate));
  });
  const legendY = shown.length * (barHeight + gap) + 14;
  [['#5cb85c', '按时办结'], ['#d9534f', '超期办结'], ['#f0ad4e', '期末超期未办结']].forEach(([color, text], i) => {
    add('rect', { x: labelWidth + i * 130, y: legendY - 10, width: 12, height: 12, fill: color });
    add('text', { x: labelWidth + i * 130 + 16, y: legendY, 'font-size': 12 }, text);
  });
  return svg;
}

function renderReport(result, report) {
  clear(result);
  const rows = (report && report.rows) || [];
  result.appendChild(el('div', { className: 'sla-meta' },
    '统计期间：' + report.from + ' 至 ' + report.to + '（含两端），生成于 ' + formatTime(report.generatedAt)
    + '。用时为开始至办结的小时数，补正中止时间不计；90%用时：九成环节在此时长内办结。'));
  if (!rows.length) {
    result.appendChild(message('info', '该期间内没有办结或超期的环节。'));
    return;
  }
  result.appendChild(reportChart(rows));
  const { table: t, tbody } = table('sla-report-table',
    ['流程', '部门', '环节', '办结', '按时', '超期', '期末超期未办结', '按时率', '平均用时（小时）', '90%用时（小时）']);
  const num = (value, cls) => el('td', { className: 'sla-num ' + (cls || '') }, value === null || value === undefined ? '—' : value);
  rows.forEach(r => {
    tbody.appendChild(el('tr', { 'data-process': r.processKey, 'data-department': r.department, 'data-step': r.stepId,
      className: r.stepId === 'case' ? 'sla-case-row' : null },
    el('td', { title: r.processKey }, r.processName || r.processKey),
    el('td', { title: r.department }, r.departmentName || r.department || '—'),
    el('td', { className: 'sla-step', title: r.stepId }, r.stepName || r.stepId),
    num(r.completed, 'sla-completed-count'), num(r.met), num(r.missed, r.missed > 0 ? 'sla-danger' : ''),
    num(r.openOverdue, r.openOverdue > 0 ? 'sla-warning' : ''), num(formatShare(r.metRate)),
    num(r.averageHours), num(r.p90Hours)));
  });
  result.appendChild(t);
}

const supervisionPlugin = {
  id: 'sla-supervision',
  pluginPoint: 'cockpit.dashboard',
  priority: 15,
  render: (node, { api } = {}) => {
    ensureStyle();
    clear(node);
    // a case by its number, finished or not: Cockpit CE opens no finished instance, this shows its 时限轨迹
    const caseInput = el('input', { type: 'text', id: 'sla-case-number', className: 'form-control', maxlength: 18,
      placeholder: '办件编号，如 JXJH20261202000001', style: 'width: 280px' });
    const caseResult = el('div', { id: 'sla-case-result' });
    const caseForm = el('form', { className: 'form-inline sla-form', id: 'sla-case-form' }, caseInput, ' ',
      el('button', { type: 'submit', className: 'btn btn-default', id: 'sla-case-search' }, '查看时限轨迹'));
    caseForm.addEventListener('submit', event => {
      event.preventDefault();
      lookUpCase(api, caseInput.value.trim().toUpperCase(), caseResult).catch(error => showError(caseResult, error));
    });
    // the 督办 report over a period, as a table, a chart and a spreadsheet
    // this month so far, in the office's days
    const today = isoDay(new Date());
    const from = el('input', { type: 'date', id: 'sla-report-from', className: 'form-control' });
    const to = el('input', { type: 'date', id: 'sla-report-to', className: 'form-control' });
    from.value = today.slice(0, 8) + '01';
    to.value = today;
    const download = el('a', { id: 'sla-report-download', className: 'btn btn-default' }, '导出 Excel');
    const reportResult = el('div', { id: 'sla-report-result' });
    const period = () => '?from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value);
    const updateDownload = () => download.setAttribute('href', appRoot() + '/api/sla/report.xlsx' + period());
    [from, to].forEach(input => input.addEventListener('change', updateDownload));
    updateDownload();
    const reportForm = el('form', { className: 'form-inline sla-form', id: 'sla-report-form' },
      el('label', { for: 'sla-report-from' }, '统计期间 '), from, ' 至 ', to, ' ',
      el('button', { type: 'submit', className: 'btn btn-primary', id: 'sla-report-show' }, '统计'), ' ', download);
    const loadReport = () => {
      clear(reportResult);
      reportResult.appendChild(el('div', { className: 'sla-meta' }, '正在统计…'));
      loggedIn(api).then(ok => {
        if (!ok) {
          throw new SlaError(NOT_LOGGED_IN);
        }
        return getJson(appRoot() + '/api/sla/report' + period());
      }).then(report => renderReport(reportResult, report)).catch(error => showError(reportResult, error));
    };
    reportForm.addEventListener('submit', event => {
      event.preventDefault();
      loadReport();
    });
    node.appendChild(el('div', { className: 'sla-plugin', id: 'sla-supervision' },
      el('h3', null, '办件时限轨迹查询'), caseForm, caseResult,
      el('h3', { style: 'margin-top: 20px' }, '时限统计（督办报表）'), reportForm, reportResult));
  },
  properties: {
    label: '督办查询与统计'
  }
};

/* ------------------------------------------ heat on the process diagram */

const HEAT_DAYS = 90;

/** A breach rate's colour class: none missed, up to one in ten, more. */
function heatClass(missedShare) {
  return missedShare === 0 ? 'sla-heat-ok' : missedShare <= 0.1 ? 'sla-heat-some' : 'sla-heat-high';
}

/**
 * Each step of the definition's diagram coloured by the share of its completions in the last 90 days that
 * missed their limit, and labelled with that share and the median duration (what Camunda's enterprise heatmap
 * does, for our SLA records). Steps without completions stay as they are.
 */
const diagramPlugin = {
  id: 'sla-diagram-heat',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 5,
  render: (viewer, { api, processDefinitionId }) => {
    ensureStyle();
    const today = new Date();
    const from = isoDay(new Date(today.getTime() - HEAT_DAYS * 24 * 3600 * 1000));
    // Cockpit passes the diagram plugins its scope's "key"; the page's address names the definition for sure
    const fromHash = /#\/process-definition\/([^/?]+)/.exec(window.location.hash);
    const definitionId = fromHash ? decodeURIComponent(fromHash[1]) : processDefinitionId;
    // Cockpit 7.24 builds the diagram plugins' api with the page's address where the engine's name belongs
    // ("/camunda/api/engine/engine/http://…"): the engine's name is taken from the page's path instead
    const engine = (/\/app\/cockpit\/([^/]+)\//.exec(window.location.pathname) || [])[1] || 'default';
    const pageApi = { engineApi: webappRoot() + '/api/engine/engine/' + engine, engine,
      adminApi: webappRoot() + '/api/admin' };
    processDefinitionKey(pageApi, definitionId).then(async key => {
      if (!(await loggedIn(pageApi))) {
        return;
      }
      const report = await getJson(appRoot() + '/api/sla/report?from=' + from + '&to=' + isoDay(today));
      const registry = viewer.get('elementRegistry');
      const overlays = viewer.get('overlays');
      const canvas = viewer.get('canvas');
      const byStep = {};
      (report.rows || []).filter(r => r.processKey === key && r.completed > 0).forEach(r => {
        const known = byStep[r.stepId];
        byStep[r.stepId] = !known ? Object.assign({}, r) : Object.assign(known, {
          completed: known.completed + r.completed,
          missed: known.missed + r.missed,
          medianHours: r.completed > known.completed ? r.medianHours : known.medianHours
        });
      });
      Object.values(byStep).forEach(r => {
        if (!registry.get(r.stepId)) {
          return;
        }
        const missedShare = r.missed / r.completed;
        canvas.addMarker(r.stepId, heatClass(missedShare));
        overlays.add(r.stepId, 'sla-heat', {
          position: { bottom: 14, left: 0 },
          html: el('div', { className: 'sla-heat-label ' + heatClass(missedShare), 'data-step': r.stepId,
            'data-from': report.from, 'data-to': report.to,
            title: '近' + HEAT_DAYS + '日办结 ' + r.completed + '，超期 ' + r.missed },
          '超期 ' + formatShare(missedShare) + ' · 中位 ' + r.medianHours + '小时')
        });
      });
    }).catch(error => {
      // the diagram stays as Cockpit drew it: the dashboard's report says what went wrong
      console.warn('时限热力图未能加载', error);
    });
  },
  properties: {
    label: '时限热力图'
  }
};

export default [dashboardPlugin, supervisionPlugin, definitionTabPlugin, instanceTabPlugin, diagramPlugin];
