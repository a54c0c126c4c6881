// The web page of `speechdeck serve` (bundled by esbuild into .cache/web.js): drop a
// manuscript or paste its text, edit the outline beside the deck, download the
// outputs. Text from the manuscript only ever goes into the page as text
// (textContent, input values), never as markup.

interface OutlineSlide {
  title: string;
  layout: string;
  entries: string[];
  callout?: string;
}
interface State {
  id: string;
  name: string;
  version: number;
  settings: { theme: string; aspect: '16:9' | '4:3'; handout: 2 | 3 | 6 };
  outline: string;
  slides: OutlineSlide[];
  undo: boolean;
}
type Edit = Record<string, unknown> & { op: string; slide: number };

const zh = /^zh/i.test(navigator.language);
const T = zh
  ? {
      drop: '把讲话稿拖到这里（.docx、.txt、.md），或',
      choose: '选择文件',
      paste: '或者粘贴讲话稿全文：',
      build: '生成幻灯片',
      building: '正在生成……',
      theme: '主题',
      aspect: '比例',
      handout: '讲义',
      perPage: (n: number) => `每页 ${n} 张`,
      download: '下载',
      all: '全部（zip）',
      preparing: (f: string) => `正在生成 ${f}……`,
      up: '上移',
      down: '下移',
      merge: '与下一页合并',
      del: '删除',
      split: '从这里分页',
      callout: '设为重点框',
      quote: '单独成一页引文',
      calloutNow: '重点框：',
      uncallout: '取消重点框',
      delItem: '删除此条',
      undo: '撤销',
      undone: '已撤销上一步修改。',
      emptyPaste: '请先粘贴讲话稿全文。',
      confirmNew: '换一份讲话稿？当前的修改不会保留（可先下载 outline.md）。',
      web: 'index.html（网页版）',
      asText: '以文本编辑提纲',
      apply: '应用',
      newFile: '换一份讲话稿',
      slides: (n: number) => `${n} 页`,
      themes: { official: '公文红', modern: '简洁蓝', dark: '深色' } as Record<string, string>,
      layouts: { title: '标题页', agenda: '目录', section: '分节', overview: '概览', points: '要点', statement: '论点', quote: '引文', figure: '数字', closing: '结束页' } as Record<string, string>,
    }
  : {
      drop: 'Drop a speech here (.docx, .txt, .md), or',
      choose: 'choose a file',
      paste: 'or paste the speech:',
      build: 'Make slides',
      building: 'Building…',
      theme: 'Theme',
      aspect: 'Aspect',
      handout: 'Handout',
      perPage: (n: number) => `${n} a page`,
      download: 'Download',
      all: 'all (zip)',
      preparing: (f: string) => `Making ${f}…`,
      up: 'Up',
      down: 'Down',
      merge: 'Merge with next',
      del: 'Delete',
      split: 'New slide from here',
      callout: 'Make callout',
      quote: 'Make quote slide',
      calloutNow: 'Callout: ',
      uncallout: 'Back to a bullet',
      delItem: 'Delete this bullet',
      undo: 'Undo',
      undone: 'The last change is undone.',
      emptyPaste: 'Paste the speech first.',
      confirmNew: 'Start with another speech? These edits are not kept (download outline.md first to keep them).',
      web: 'index.html',
      asText: 'Edit the outline as text',
      apply: 'Apply',
      newFile: 'Another speech',
      slides: (n: number) => `${n} slides`,
      themes: { official: 'Official', modern: 'Modern', dark: 'Dark' } as Record<string, string>,
      layouts: {} as Record<string, string>,
    };

/** An element with attributes and children; strings become text nodes. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let state: State | null = null;

function say(msg: string, error = false): void {
  const box = $('status');
  box.textContent = msg;
  box.className = error ? 'error' : '';
}

async function call(method: string, url: string, body?: unknown): Promise<State | null> {
  const init: RequestInit = { method };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  const data = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as State & { error?: string };
  if (!res.ok) {
    say(data.error ?? `HTTP ${res.status}`, true);
    return null;
  }
  say('');
  return data;
}

async function upload(body: FormData | { text: string }): Promise<void> {
  say(T.building);
  $('start').classList.add('busy');
  const s = await call('POST', '/api/decks', body);
  $('start').classList.remove('busy');
  ($('file') as HTMLInputElement).value = '';
  if (s) show(s);
  // (A file that could not be read leaves the deck there was, if any.)
  else if (state) showWork();
}

function showWork(): void {
  $('start').hidden = true;
  $('work').hidden = false;
  $('again').hidden = false;
}

/** The deck's events: a newer version (fitted: a slide cut in two) is shown; a failure said. */
let events: EventSource | null = null;
function listen(id: string): void {
  events?.close();
  events = new EventSource(`/decks/${id}/events`);
  events.addEventListener('reload', (e) => {
    if (!state || state.id !== id || Number((e as MessageEvent).data) <= state.version) return;
    turn = turn.then(async () => {
      const now = await fetch(`/api/decks/${id}`).then((r) => (r.ok ? (r.json() as Promise<State>) : null), () => null);
      if (now && state && now.version > state.version) show(now);
    });
  });
  events.addEventListener('failed', (e) => say((e as MessageEvent).data as string, true));
}

// Changes go one at a time, each made on the version the page shows (a title typed
// and then a button clicked send two: the second waits for the first).
let turn: Promise<void> = Promise.resolve();
function edit(e: Edit, focus = e.slide): Promise<void> {
  turn = turn.then(async () => {
    if (!state) return;
    const s = await call('POST', `/api/decks/${state.id}/edit`, { ...e, version: state.version });
    if (s) show(s, focus);
    // (Changed meanwhile, elsewhere: show it as it is now.)
    else if (state) {
      const now = await fetch(`/api/decks/${state.id}`).then((r) => (r.ok ? (r.json() as Promise<State>) : null), () => null);
      if (now) show(now);
    }
  });
  return turn;
}

function show(s: State, focus?: number): void {
  const first = !state || state.id !== s.id;
  state = s;
  showWork();
  if (first) listen(s.id);
  ($('undo') as HTMLButtonElement).disabled = !s.undo;
  $('name').textContent = `${s.name} · ${T.slides(s.slides.length)}`;
  ($('theme') as HTMLSelectElement).value = s.settings.theme;
  ($('aspect') as HTMLSelectElement).value = s.settings.aspect;
  ($('handout') as HTMLSelectElement).value = String(s.settings.handout);
  ($('outline-text') as HTMLTextAreaElement).value = s.outline;
  const frame = $('deck') as HTMLIFrameElement;
  // (A new deck loads here; an edited one reloads itself, told by the server.)
  if (first) {
    showing = 0;
    frame.src = `/decks/${s.id}/deck.html`;
    $('slides').parentElement!.scrollTop = 0;
  }
  else if (focus !== undefined) goTo(focus);
  renderSlides(s.slides);
}

// The slide to show: set now, and again when the deck reloads itself after a change.
let showing = 0;
function goTo(slide: number): void {
  showing = slide;
  const frame = $('deck') as HTMLIFrameElement;
  try {
    frame.contentWindow!.location.hash = `#/${slide}`;
  } catch {
    // Not loaded yet.
  }
}

function button(label: string, cls: string, onClick: () => void, title = label): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls, title, 'aria-label': title }, label);
  b.addEventListener('click', onClick);
  return b;
}

function renderSlides(slides: OutlineSlide[]): void {
  const list = $('slides');
  list.replaceChildren(
    ...slides.map((s, i) => {
      const title = el('input', { class: 'title', 'aria-label': `${i + 1}` });
      title.value = s.title;
      title.addEventListener('change', () => void edit({ op: 'retitle', slide: i, title: title.value }));
      title.addEventListener('focus', () => goTo(i));
      const head = el(
        'div',
        { class: 'slide-head' },
        el('span', { class: 'num' }, String(i + 1)),
        title,
        el('span', { class: 'layout' }, T.layouts[s.layout] ?? s.layout),
        button('↑', 'small', () => void edit({ op: 'move-slide', slide: i, to: Math.max(0, i - 1) }, Math.max(0, i - 1)), T.up),
        button('↓', 'small', () => void edit({ op: 'move-slide', slide: i, to: Math.min(slides.length - 1, i + 1) }, Math.min(slides.length - 1, i + 1)), T.down),
        ...(i + 1 < slides.length ? [button(T.merge, 'small', () => void edit({ op: 'merge-next', slide: i }))] : []),
        button(T.del, 'small danger', () => void edit({ op: 'delete-slide', slide: i }, Math.max(0, Math.min(i, slides.length - 2)))),
      );
      const entries = el(
        'ol',
        { class: 'entries' },
        ...s.entries.map((text, k) => {
          const rows = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / 30)), 0);
          const input = el('textarea', { rows: String(Math.min(4, rows)), 'aria-label': `${i + 1}.${k + 1}` });
          input.value = text;
          input.addEventListener('change', () => void edit({ op: 'edit-item', slide: i, item: k, text: input.value }));
          input.addEventListener('focus', () => goTo(i));
          // Enter ends the edit (as in a form); Shift+Enter breaks the line.
          input.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              input.blur();
            }
          });
          return el(
            'li',
            {},
            input,
            el(
              'span',
              { class: 'tools' },
              ...(k > 0 ? [button('↑', 'small', () => void edit({ op: 'move-item', slide: i, item: k, to: k - 1 }), T.up)] : []),
              ...(k + 1 < s.entries.length ? [button('↓', 'small', () => void edit({ op: 'move-item', slide: i, item: k, to: k + 1 }), T.down)] : []),
              ...(k > 0 ? [button(T.split, 'small', () => void edit({ op: 'split', slide: i, item: k }, i + 1))] : []),
              ...(s.layout === 'points' || s.layout === 'statement' ? [button(T.callout, 'small', () => void edit({ op: 'callout', slide: i, item: k })), button(T.quote, 'small', () => void edit({ op: 'quote', slide: i, item: k }, i + 1))] : []),
              button('✕', 'small danger', () => void edit({ op: 'delete-item', slide: i, item: k }), T.delItem),
            ),
          );
        }),
      );
      const callout = s.callout === undefined ? [] : [el('p', { class: 'callout' }, el('span', {}, T.calloutNow + s.callout), button(T.uncallout, 'small', () => void edit({ op: 'uncallout', slide: i })))];
      return el('li', { class: 'slide' }, head, ...callout, entries);
    }),
  );
}

async function download(file: string): Promise<void> {
  if (!state) return;
  say(T.preparing(file));
  const res = await fetch(`/decks/${state.id}/download/${file}`);
  if (!res.ok) {
    const data = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as { error?: string };
    return say(data.error ?? `HTTP ${res.status}`, true);
  }
  const blob = await res.blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: file === 'speechdeck.zip' ? `${state.name}.zip` : file });
  document.body.append(a);
  a.click();
  a.remove();
  say('');
}

function setup(): void {
  document.documentElement.lang = zh ? 'zh-CN' : 'en';
  ($('deck') as HTMLIFrameElement).addEventListener('load', () => goTo(showing));
  const fileInput = el('input', { type: 'file', id: 'file', accept: '.docx,.txt,.md', hidden: '' });
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) {
      const fd = new FormData();
      fd.append('file', f);
      void upload(fd);
    }
  });
  const paste = el('textarea', { id: 'paste', rows: '6' });
  $('start').append(
    el('p', { class: 'drop' }, T.drop, ' ', button(T.choose, 'primary', () => fileInput.click())),
    fileInput,
    el('p', {}, T.paste),
    paste,
    el('p', {}, button(T.build, 'primary', () => (paste.value.trim() ? void upload({ text: paste.value }) : say(T.emptyPaste, true)))),
  );
  const drop = $('start');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) {
      const fd = new FormData();
      fd.append('file', f);
      void upload(fd);
    }
  });
  const select = (id: string, label: string, options: Array<[string, string]>) => {
    const s = el('select', { id }, ...options.map(([v, t]) => el('option', { value: v }, t)));
    s.addEventListener('change', () => void settings());
    return el('label', {}, label, ' ', s);
  };
  $('settings').append(
    select('theme', T.theme, ['official', 'modern', 'dark'].map((t) => [t, T.themes[t] ?? t])),
    select('aspect', T.aspect, [['16:9', '16:9'], ['4:3', '4:3']]),
    select('handout', T.handout, [2, 3, 6].map((n) => [String(n), T.perPage(n)])),
  );
  $('downloads').append(
    el('span', {}, T.download, ' '),
    ...['slides.pdf', 'handout.pdf', 'index.html', 'slides.pptx', 'outline.md'].map((f) => button(f === 'index.html' ? T.web : f, 'download', () => void download(f))),
    button(T.all, 'download', () => void download('speechdeck.zip')),
  );
  $('as-text-label').textContent = T.asText;
  $('apply').textContent = T.apply;
  $('apply').addEventListener('click', async () => {
    if (!state) return;
    const s = await call('PUT', `/api/decks/${state.id}/outline`, { text: ($('outline-text') as HTMLTextAreaElement).value, version: state.version });
    if (s) show(s);
  });
  $('again').textContent = T.newFile;
  const undo = button(T.undo, 'small', () => {
    turn = turn.then(async () => {
      if (!state) return;
      const s = await call('POST', `/api/decks/${state.id}/undo`, { version: state.version });
      if (s) {
        show(s);
        say(T.undone);
      }
    });
  });
  undo.id = 'undo';
  $('settings').prepend(undo);
  $('again').addEventListener('click', () => {
    if (!confirm(T.confirmNew)) return;
    $('work').hidden = true;
    $('again').hidden = true;
    $('start').hidden = false;
  });
}

async function settings(): Promise<void> {
  if (!state) return;
  const body = { theme: ($('theme') as HTMLSelectElement).value, aspect: ($('aspect') as HTMLSelectElement).value, handout: Number(($('handout') as HTMLSelectElement).value) };
  const s = await call('PUT', `/api/decks/${state.id}/settings`, body);
  if (s) show(s);
}

setup();
