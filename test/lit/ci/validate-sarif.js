// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Validates SARIF files against the SARIF 2.1.0 JSON schema with ajv, then
// with the SARIF SDK's multitool (its SARIF and GitHub rules), which must
// report no error and no warning.
//   node validate-sarif.js NODE_MODULES SCHEMA FILE...
// NODE_MODULES and SCHEMA come from the npm packages scripts/bootstrap.sh
// --tests installs into the build directory (nothing is vendored here).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const [modules, schemaPath, ...files] = process.argv.slice(2).map((a) => path.resolve(a));
const Ajv = require(path.join(modules, "ajv"));
// The schema is draft-04, which ajv 6 knows by its meta-schema.
const ajv = new Ajv({ schemaId: "id", allErrors: true, format: "full", logger: false });
ajv.addMetaSchema(require(path.join(modules, "ajv", "lib", "refs", "json-schema-draft-04.json")));
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
// The npm package of the multitool is a self-contained .NET program per platform.
const multitool = require(path.join(modules, "@microsoft", "sarif-multitool-" + process.platform));

// The multitool's findings of level error or warning (notes are advice such
// as "provide code snippets").
function multitoolProblems(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sarif-multitool-"));
  const out = path.join(dir, "validation.sarif");
  try {
    // The file comes first: list options take every value that follows them.
    const run = spawnSync(multitool, ["validate", file, "--output", out, "--log", "ForceOverwrite",
      "--rule-kind", "Sarif;Gh", "--quiet", "true"], { encoding: "utf8" });
    if (run.status !== 0 || !fs.existsSync(out)) {
      return [`the multitool failed (status ${run.status}): ${run.error || run.stdout + run.stderr}`];
    }
    const results = JSON.parse(fs.readFileSync(out, "utf8")).runs[0].results || [];
    return results.filter((r) => (r.level || "warning") !== "note" && r.level !== "none")
      .map((r) => `${r.level || "warning"} ${r.ruleId}: ${(r.message.arguments || []).join(" | ")}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (!validate(log)) {
    console.error(`${file}: invalid SARIF 2.1.0: ${ajv.errorsText(validate.errors)}`);
    failed = true;
    continue;
  }
  const problems = multitoolProblems(file);
  if (problems.length) {
    console.error(`${file}: the SARIF multitool reports:\n  ${problems.join("\n  ")}`);
    failed = true;
  } else {
    console.log(`${file}: valid SARIF 2.1.0, no multitool error or warning`);
  }
}
process.exit(failed ? 1 : 0);
