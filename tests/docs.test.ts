/**
 * Whoever picks the project up must be able to follow every citation. So a comment in the code cites a section of
 * docs/ (a section of windows-facts.md, by its anchor) or a public URL, never a document that lives outside this repository; and
 * every docs/ anchor cited, from code or from the repository's Markdown, must exist as GitHub renders headings.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['electron', 'shared', 'renderer', 'tests', 'bench', 'scripts', 'e2e'];
const SOURCE_FILE = /\.(?:ts|tsx|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report']);

interface Comment {
  line: number;
  text: string;
}

/** Every comment of a source file, found by the TypeScript parser (so text inside strings and templates is not one). */
export function commentsOf(fileName: string, text: string): Comment[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found = new Map<number, Comment>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? [])
      found.set(range.pos, { line: source.getLineAndCharacterOfPosition(range.pos).line + 1, text: text.slice(range.pos, range.end) });
  };
  // Comments are trivia before and after tokens; walking every token (not only nodes) also finds those before a
  // closing brace, as in a JSX `{/* ... */}`. JSX text is content, not trivia.
  const visit = (node: ts.Node) => {
    const children = node.getChildren(source);
    if (children.length === 0 && node.kind !== ts.SyntaxKind.JsxText) {
      collect(ts.getLeadingCommentRanges(text, node.pos));
      collect(ts.getTrailingCommentRanges(text, node.end));
    }
    children.forEach(visit);
  };
  visit(source);
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** Ways a text cites a document that is not in this repository (the design notes and tool references kept beside it). */
const OUTSIDE_CITATIONS: Array<[RegExp, string]> = [
  [/§/, 'a section sign (sections of an outside document)'],
  [/\bDESIGN\b/, 'the design notes kept outside the repository'],
  [
    /windows-tools\.md|anchors\.md|field-review|active-directory\.md|electron\.md|house-style/,
    'a reference file kept outside the repository',
  ],
  [/team kit/i, 'the team kit'],
  [/shared\/reference|\breference\/\w|\/work\//, 'a path outside the repository'],
  [/\b(?:the|our) reference\b(?!\s+(?:implementation|count|type|to)\b)/i, '"the reference" (an outside document)'],
];

export function outsideCitations(text: string): string[] {
  return OUTSIDE_CITATIONS.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

/** The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` dropped, spaces made hyphens. */
export function slugOf(heading: string): string {
  const rendered = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file's headings produce, with GitHub's -1, -2 suffixes for repeated headings. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = slugOf(heading[1] ?? '');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** A cited docs file and anchor that do not exist, described; `readDoc` returns null for a missing file. */
function brokenTarget(file: string, anchor: string | undefined, readDoc: (file: string) => string | null): string | null {
  const markdown = readDoc(file);
  if (markdown === null) return `${file} does not exist`;
  if (anchor !== undefined && !anchorsOf(markdown).has(anchor)) return `${file} has no heading with the anchor #${anchor}`;
  return null;
}

/** `docs/<file>.md#anchor` cited in a comment or in prose, from the repository root. */
export function brokenDocsCitations(text: string, readDoc: (file: string) => string | null): string[] {
  const broken: string[] = [];
  for (const match of text.matchAll(/\bdocs\/([\w.-]+\.md)(?:#([\w-]+))?/g)) {
    const problem = brokenTarget(`docs/${match[1]}`, match[2], readDoc);
    if (problem) broken.push(problem);
  }
  return broken;
}

/** Relative Markdown links (`[text](file.md#anchor)`, `[text](#anchor)`) of a Markdown file at `mdPath`. */
export function brokenMarkdownLinks(mdPath: string, markdown: string, readDoc: (file: string) => string | null): string[] {
  const broken: string[] = [];
  for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z]+:/i.test(target)) continue;
    const [file = '', anchor] = target.split('#');
    if (file !== '' && !file.endsWith('.md')) continue;
    const resolved = file === '' ? mdPath : path.posix.normalize(path.posix.join(path.posix.dirname(mdPath), file));
    const problem = brokenTarget(resolved, anchor, readDoc);
    if (problem) broken.push(`${target}: ${problem}`);
  }
  return broken;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : filesUnder(relative, keep);
    return keep(entry.name) ? [relative] : [];
  });
}

/** A file none of whose text could be a citation is not parsed: parsing every token of the tree is the slow part. */
const MIGHT_CITE = /§|DESIGN|reference|team kit|\/work\/|field-review|house-style|docs\//i;

function readRepoFile(file: string): string | null {
  const full = path.join(root, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
}

function repoMarkdownFiles(): string[] {
  return [
    'README.md',
    ...filesUnder('docs', (name) => name.endsWith('.md')),
    ...SOURCE_DIRS.flatMap((dir) => filesUnder(dir, (name) => name.endsWith('.md'))),
  ];
}

describe('citations in the repository', () => {
  it('no source comment cites a document outside the repository, and every docs/ anchor cited exists', () => {
    const problems = SOURCE_DIRS.flatMap((dir) => filesUnder(dir, (name) => SOURCE_FILE.test(name))).flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (!MIGHT_CITE.test(text)) return [];
      return commentsOf(file, text).flatMap((comment) =>
        [...outsideCitations(comment.text), ...brokenDocsCitations(comment.text, readRepoFile)].map(
          (problem) => `${file}:${comment.line}: ${problem}`,
        ),
      );
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it('the Markdown in the repository cites nothing outside it, and its links and docs/ anchors resolve', () => {
    const problems = repoMarkdownFiles().flatMap((file) => {
      const markdown = readRepoFile(file) ?? '';
      return [
        ...outsideCitations(markdown),
        ...brokenDocsCitations(markdown, readRepoFile),
        ...brokenMarkdownLinks(file, markdown, readRepoFile),
      ].map((problem) => `${file}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('docs/ has the pages the README promises', () => {
    for (const page of ['README.md', 'architecture.md', 'recovery-procedure.md', 'windows-facts.md', 'extending.md'])
      expect(readRepoFile(`docs/${page}`), page).not.toBeNull();
  });
});

describe('the checks fire on samples', () => {
  const docs: Record<string, string> = {
    'docs/windows-facts.md': '# Facts\n\n### 12. diskraid unmask replaces the list\n\n### 16. vshadow `-rw -forcerevert -bex`\n',
  };
  const readSample = (file: string) => docs[file] ?? null;

  it('finds comments, not strings', () => {
    const source = "// one\nconst s = '// not a comment';\n/** two */\nconst t = `/* nor this ${s} */`;\nexport { t }; // three\n";
    expect(commentsOf('sample.ts', source).map((c) => [c.line, c.text])).toEqual([
      [1, '// one'],
      [3, '/** two */'],
      [5, '// three'],
    ]);
    expect(commentsOf('sample.tsx', 'export const x = <div>{/* four */}</div>;\n').map((c) => c.text)).toEqual(['/* four */']);
  });

  it.each([
    ['/** Parser for vssadmin output (reference §3.2). */'],
    ['// Spawning rules (DESIGN §5): an argument array.'],
    ['// Grammar quoted in reference/windows-tools.md'],
    ['// as the team kit says'],
    ['// the reference quotes no cmdlet output for them'],
  ])('reports an outside citation: %s', (comment) => {
    expect(outsideCitations(comment)).not.toEqual([]);
  });

  it.each([
    ['// Copies, not references: a view must not change after it was read.'],
    ['// See docs/windows-facts.md#12-diskraid-unmask-replaces-the-list and https://learn.microsoft.com/'],
  ])('accepts: %s', (comment) => {
    expect(outsideCitations(comment)).toEqual([]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect([...anchorsOf(docs['docs/windows-facts.md'] ?? '')]).toEqual([
      'facts',
      '12-diskraid-unmask-replaces-the-list',
      '16-vshadow--rw--forcerevert--bex',
    ]);
    expect([...anchorsOf('## Notes\n```\n# not a heading\n```\n## Notes\n### PARTITION_INFORMATION_GPT and Set-Partition\n')]).toEqual([
      'notes',
      'notes-1',
      'partition_information_gpt-and-set-partition',
    ]);
  });

  it('reports a cited anchor or file that does not exist, and accepts one that does', () => {
    expect(brokenDocsCitations('// docs/windows-facts.md#12-diskraid-unmask-replaces-the-list', readSample)).toEqual([]);
    expect(brokenDocsCitations('// docs/windows-facts.md#16-vshadow--rw--forcerevert--bex', readSample)).toEqual([]);
    expect(brokenDocsCitations('// docs/windows-facts.md#13-diskraid-lun-numbers', readSample)).toEqual([
      'docs/windows-facts.md has no heading with the anchor #13-diskraid-lun-numbers',
    ]);
    expect(brokenDocsCitations('// docs/missing.md', readSample)).toEqual(['docs/missing.md does not exist']);
  });

  it('resolves relative Markdown links from the linking file', () => {
    const page =
      'See [12](windows-facts.md#12-diskraid-unmask-replaces-the-list), [x](windows-facts.md#nope), [Learn](https://learn.microsoft.com/).';
    expect(brokenMarkdownLinks('docs/README.md', page, readSample)).toEqual([
      'windows-facts.md#nope: docs/windows-facts.md has no heading with the anchor #nope',
    ]);
  });
});
