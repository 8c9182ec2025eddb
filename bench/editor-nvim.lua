-- Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
-- Exceptions. See LICENSE.TXT for license information.
-- SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
--
-- The "follow a save" measurement of bench/editor.py with a real editor:
-- Neovim's own LSP client on stateless-clangd, run by bench/editor.py --nvim
-- in the service's directory as
--
--   STATELESS_CLANGD=... REPEAT=5 nvim --headless -u NONE -c 'luafile editor-nvim.lua'
--
-- store.cpp and routes.cpp are open; routes.cpp is edited and written (:w)
-- without, then with, its call to remember(), and the time until store.cpp
-- shows the change is printed, one line per write:
--
--   gone 0.41
--   shown 0.37

local clangd = os.getenv("STATELESS_CLANGD")
local rounds = tonumber(os.getenv("REPEAT") or "5")

local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function finish(status)
  vim.cmd(status == 0 and "qa!" or "cq!")
end

local client = vim.lsp.start_client({
  cmd = { clangd, "--log=error", "--background-index=false" },
  root_dir = vim.fn.getcwd(),
})

local function open(name)
  vim.cmd("edit " .. name)
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client)
  return buffer
end

-- The findings on store.cpp and the notes they carry (the handler path
-- through the other files comes as related information).
local function shown(buffer)
  local findings, notes = 0, 0
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    findings = findings + 1
    local lsp = d.user_data and d.user_data.lsp or {}
    notes = notes + #(lsp.relatedInformation or {})
  end
  return findings, notes
end

local function wait_until(buffer, findings, notes, what)
  local start = vim.loop.hrtime()
  local ok = vim.wait(120000, function()
    local f, n = shown(buffer)
    return f == findings and (notes == nil or n == notes)
  end, 5)
  if not ok then
    out("timed out waiting for " .. what)
    finish(1)
  end
  return (vim.loop.hrtime() - start) / 1e9
end

local function lines_of(name)
  return vim.fn.readfile(name)
end

local store = open("store.cpp")
local routes = open("routes.cpp")
wait_until(store, 1, 3, "the cross-file finding in store.cpp")

local quiet, remembering = lines_of("routes-quiet.cpp"), lines_of("routes-remembering.cpp")
for _ = 1, rounds do
  vim.api.nvim_buf_set_lines(routes, 0, -1, false, quiet)
  vim.cmd("write")
  out(string.format("gone %.3f", wait_until(store, 0, nil, "the finding to go")))
  vim.api.nvim_buf_set_lines(routes, 0, -1, false, remembering)
  vim.cmd("write")
  out(string.format("shown %.3f", wait_until(store, 1, 3, "the finding to come back")))
end
finish(0)
