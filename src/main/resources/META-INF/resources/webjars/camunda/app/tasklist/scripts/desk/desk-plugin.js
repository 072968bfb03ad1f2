/*
 * 综合窗口 link in Tasklist's header (and, below, the case number and receipt link after a start, the due-date order,
 * Camunda Forms in Chinese) — Camunda 7.24 front-end plugin API (ES module), loaded through customScripts in
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

/*
 * Camunda Forms (form-js) in Tasklist speak English whatever the browser's language: "Field is required.", a pattern
 * shown as a regular expression, a date picker with English months and an mm/dd/yyyy hint. The messages are put in
 * Chinese as form-js writes them (its error lists, .fjs-form-field-error), and each date picker gets Chinese months
 * and weekdays (flatpickr's locale) and a hint in Chinese for the format it takes.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have minimum value of (.+)\.$/, m => '不能小于 ' + m[1]],
  [/^Field must have maximum value of (.+)\.$/, m => '不能大于 ' + m[1]],
  [/^Field must have minimum length of (.+)\.$/, m => '至少填写 ' + m[1] + ' 个字符'],
  [/^Field must have maximum length of (.+)\.$/, m => '最多填写 ' + m[1] + ' 个字符'],
  [/^Field must match pattern .*$/s, () => '格式不正确，请按说明填写'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址'],
  [/^Field must be a valid\s+international phone number.*$/s, () => '请填写有效的电话号码']
];

const ZH_CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  time_24hr: true
};

/** "mm/dd/yyyy" → "月/日/年"; the order stays the one the picker reads. */
function chineseDateHint(placeholder) {
  return placeholder.replace(/yyyy/i, '年').replace(/mm/i, '月').replace(/dd/i, '日');
}

function localizeForms(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    const text = item.textContent.trim();
    for (const [pattern, chinese] of MESSAGES) {
      const match = pattern.exec(text);
      if (match) {
        item.textContent = chinese(match);
        break;
      }
    }
  });
  root.querySelectorAll('.fjs-form input.flatpickr-input').forEach(input => {
    if (/[md]{2}\/[md]{2}\/y{4}/i.test(input.placeholder || '')) {
      input.placeholder = chineseDateHint(input.placeholder);
    }
    const picker = input._flatpickr;
    if (picker && picker.l10n !== ZH_CALENDAR && picker.config.locale !== ZH_CALENDAR) {
      picker.set('locale', ZH_CALENDAR);
    }
  });
}

/*
 * After "Start process" Tasklist says only that the process started. The front desk needs the case number (办件编号,
 * the business key the engine answers the start with) to give the applicant, and the receipt to print: a banner under
 * the header shows both, with a link to the receipt on the 综合窗口 page. It reads the start's own answer, so it names
 * the case this clerk just opened, never another.
 */
const START = /\/process-definition\/(key\/)?[^/]+(\/tenant-id\/[^/]+)?\/submit-form$/;

function showReceiptBanner(caseNumber) {
  let banner = document.getElementById('yijianshi-receipt-banner');
  if (banner) {
    banner.remove();
  }
  banner = document.createElement('div');
  banner.id = 'yijianshi-receipt-banner';
  banner.setAttribute('role', 'status');
  banner.style.cssText = 'position:fixed;top:52px;left:50%;transform:translateX(-50%);z-index:2000;background:#dff0d8;'
    + 'border:1px solid #3c763d;color:#2b542c;padding:10px 16px;border-radius:4px;font-size:15px;'
    + 'box-shadow:0 2px 8px rgba(0,0,0,.2)';
  const text = document.createElement('span');
  text.textContent = '已受理，办件编号 ';
  const number = document.createElement('strong');
  number.className = 'yijianshi-case-number';
  number.textContent = caseNumber;
  const hint = document.createElement('span');
  hint.textContent = '（请告知申请人） ';
  const link = document.createElement('a');
  link.className = 'yijianshi-receipt-link';
  link.href = '/chuangkou/index.html?receipt=' + encodeURIComponent(caseNumber);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = '打印受理回执';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.style.marginLeft = '16px';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => banner.remove());
  banner.append(text, number, hint, link, close);
  document.body.appendChild(banner);
}

if (typeof XMLHttpRequest !== 'undefined') {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.yijianshiStart = String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0]);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.yijianshiStart) {
      this.addEventListener('load', () => {
        if (this.status !== 200) {
          return;
        }
        try {
          const started = JSON.parse(this.responseText);
          if (started && started.businessKey) {
            showReceiptBanner(started.businessKey);
          }
        } catch (e) {
          // not the engine's answer: nothing to show
        }
      });
    }
    return send.apply(this, args);
  };
}

if (typeof MutationObserver !== 'undefined' && document.body) {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        localizeForms(document);
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

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
