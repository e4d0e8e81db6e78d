// Parses PowerShell files with the tree-sitter-powershell grammar (WebAssembly, run by web-tree-sitter): prints each
// ERROR or MISSING node with its line; exit 1 if there is any. Not PowerShell's own parser (pwsh is not installable
// here): a full grammar of the language, which catches unbalanced braces, quotes and malformed expressions.
const { Parser, Language } = require('web-tree-sitter');
const fs = require('fs');
(async () => {
  await Parser.init();
  const lang = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(lang);
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    const tree = parser.parse(fs.readFileSync(file, 'utf8'));
    const walk = (n) => {
      if (n.isError || n.isMissing) {
        bad++;
        console.log(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.isMissing ? 'missing ' + n.type : 'syntax error'}: ${JSON.stringify(n.text.slice(0, 60))}`);
      }
      for (const c of n.children) walk(c);
    };
    walk(tree.rootNode);
    console.log(`${file}: ${tree.rootNode.descendantCount} nodes, hasError=${tree.rootNode.hasError}`);
  }
  process.exit(bad ? 1 : 0);
})();
