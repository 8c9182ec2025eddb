// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Validates stateless-report's inventory.json files against
// docs/inventory.schema.json with ajv (installed into the build directory by
// scripts/bootstrap.sh --tests; nothing is vendored here).
//   node validate-inventory.js NODE_MODULES SCHEMA FILE...
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, schemaPath, ...files] = process.argv.slice(2).map((a) => path.resolve(a));
const Ajv = require(path.join(modules, "ajv"));
const ajv = new Ajv({ allErrors: true, format: "full" });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let failed = false;
for (const file of files) {
  let inventory;
  try {
    inventory = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(inventory)) {
    console.log(`${path.basename(file)}: valid inventory, ${inventory.state.length} pieces of state`);
  } else {
    console.error(`${file}: invalid: ${ajv.errorsText(validate.errors)}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
