/**
 * Finds user-visible Chinese written inline in source files — string literals, template
 * parts and JSX text (comments are not looked at) — so the catalogue tests can prove that
 * every UI text comes from a message catalogue. Test support only (it parses with the
 * TypeScript compiler); callers read the files themselves.
 */
import ts from 'typescript';

/** Han characters. Full-width punctuation (：、（）) alone is a separator, not a text. */
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;

export interface InlineText {
  file: string;
  line: number;
  text: string;
}

/** Chinese text in the literals of one source file's text. */
export function inlineChinese(fileName: string, source: string): InlineText[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: InlineText[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      const text = node.text;
      if (CHINESE.test(text)) found.push({ file: fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
