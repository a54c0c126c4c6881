// The themes, as data: one definition per theme that every writer reads. The
// HTML deck gets it as CSS variables and a few rules (themeCss); the PowerPoint
// writer reads the same colours, faces and sizes (render/pptx.ts). Nothing parses
// CSS text to learn a theme.

/** Colours as six hex digits, no '#'. */
export interface ThemeColours {
  /** Accent: titles, badges, rules. */
  accent: string;
  /** Strong accent: quotations, callouts. */
  accentDeep: string;
  /** Second accent: bullets, thin rules. */
  second: string;
  /** Body text. */
  ink: string;
  /** Secondary text: footers, attributions. */
  muted: string;
  /** Card ground. */
  paper: string;
  /** Slide ground. */
  ground: string;
  /** The title slide's band, and its text. */
  band: string;
  bandText: string;
  /** Ledes and kickers. */
  lede: string;
  /** Badges and agenda numbers (the accent unless a theme darkens them). */
  badge: string;
}

export interface ThemeDef {
  colours: ThemeColours;
  /** Titles, heads, badges, quotations: a serif face (in the spirit of 小标宋) or the sans. */
  titleFace: 'serif' | 'sans';
  /** The shapes: the top rule's height and its edge in the second accent, the cards' top border, corners, bullets. */
  shape: { rule: number; ruleEdge: number; cardTop: number; radius: number; bullet: 'diamond' | 'circle' };
}

/**
 * Font sizes in CSS px on a 1280×720 slide (the same on 960×720), by role: base.css
 * draws with them (as `--fs-*` variables) and the PowerPoint writer starts from them.
 */
export const SIZES = {
  body: 34,
  title: 46,
  badge: 36,
  kicker: 28,
  lede: 28,
  foot: 18,
  titleSlide: 60,
  occasion: 30,
  subtitle: 32,
  byline: 32,
  bylineSmall: 28,
  agenda: 36,
  agendaNum: 32,
  divider: 56,
  dividerBadge: 88,
  dividerLine: 32,
  cardHead: 36,
  cardText: 28,
  statement: 42,
  statementLong: 36,
  quote: 44,
  quoteSide: 32,
  attribution: 28,
  figureNum: 88,
  figureNum4: 72,
  figureUnit: 36,
  figureLabel: 30,
  figureCoda: 30,
  closing: 64,
  closingSub: 32,
  closingByline: 28,
  callout: 34,
  calloutBy: 28,
} as const;

export type SizeRole = keyof typeof SIZES;

const OFFICIAL: ThemeDef = {
  colours: {
    accent: 'b31b1e',
    accentDeep: '8e1417',
    second: 'c9a04a',
    ink: '222222',
    muted: '6b6b6b',
    paper: 'fffaf2',
    ground: 'ffffff',
    band: 'b31b1e',
    bandText: 'f6dfa4',
    lede: '7a6a4f',
    badge: 'b31b1e',
  },
  titleFace: 'serif',
  shape: { rule: 14, ruleEdge: 4, cardTop: 6, radius: 0, bullet: 'diamond' },
};

/**
 * official — for formal meetings: white ground, deep red title band and rules,
 * restrained gold, serif titles. modern — clean and light: sans titles, one blue
 * accent, no ornament. dark — for dim halls: dark ground, light text, warm red and
 * gold accents.
 */
export const THEMES: Record<string, ThemeDef> = {
  official: OFFICIAL,
  modern: {
    colours: {
      accent: '1f5fbf',
      accentDeep: '163f7a',
      second: '5aa0e6',
      ink: '1d2430',
      muted: '667085',
      paper: 'f3f6fb',
      ground: 'ffffff',
      band: '1f5fbf',
      bandText: 'ffffff',
      lede: '4a5a75',
      badge: '1f5fbf',
    },
    titleFace: 'sans',
    shape: { rule: 8, ruleEdge: 0, cardTop: 4, radius: 6, bullet: 'circle' },
  },
  dark: {
    colours: {
      accent: 'e2574c',
      accentDeep: 'f0a39c',
      second: 'd8b25e',
      ink: 'ece8e1',
      muted: 'a7a29a',
      paper: '232830',
      ground: '15181d',
      band: '7d1a17',
      bandText: 'f3d894',
      lede: 'c9b48a',
      badge: '9e2a22',
    },
    titleFace: 'serif',
    shape: OFFICIAL.shape,
  },
};

export const THEME_NAMES = Object.keys(THEMES).sort();

/** The embedded face titles are drawn in (fontsource family). */
export function titleFamily(def: ThemeDef): string {
  return def.titleFace === 'serif' ? 'Noto Serif SC' : 'Noto Sans SC';
}

/** The theme as CSS: its variables (colours, faces, sizes) and the rules its shapes need. */
export function themeRules(def: ThemeDef): string {
  const c = def.colours;
  const s = def.shape;
  const vars = [
    `--red: #${c.accent}`,
    `--red-deep: #${c.accentDeep}`,
    `--gold: #${c.second}`,
    `--ink: #${c.ink}`,
    `--muted: #${c.muted}`,
    `--paper: #${c.paper}`,
    `--ground: #${c.ground}`,
    `--band: #${c.band}`,
    `--band-text: #${c.bandText}`,
    `--lede: #${c.lede}`,
    `--badge: #${c.badge}`,
    `--title-font: '${titleFamily(def)}', ${def.titleFace === 'serif' ? 'serif' : 'sans-serif'}`,
    `--rule: ${s.rule}px`,
    `--rule-edge: ${s.ruleEdge}px`,
    `--card-top: ${s.cardTop}px`,
    `--radius: ${s.radius}px`,
    ...Object.entries(SIZES).map(([k, v]) => `--fs-${k}: ${v}px`),
  ];
  const circle = s.bullet === 'circle' ? '.bullets li::before { border-radius: 50%; transform: none; }\n' : '';
  // No edge under the rule: the title slide's band has none either.
  const flat = s.ruleEdge === 0 ? '.layout-title .band { border-bottom-width: 0; }\n' : '';
  return `:root {\n  ${vars.join(';\n  ')};\n}\n${circle}${flat}`;
}
