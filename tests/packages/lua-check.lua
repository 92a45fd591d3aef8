-- lua-check.lua: what the Lua package test asks of the interpreter.
local ok, err = pcall(function() error("boom", 0) end)
assert(not ok)
print("pcall caught: " .. err)

local ok2, err2 = pcall(function() local t = nil; return t.x end)
assert(not ok2)
print("nil index caught: " .. err2:gsub("^.-:%d+: ", ""))

local ok3, obj = pcall(error, 42)
assert(not ok3 and obj == 42)
print("error object: " .. obj)

local co = coroutine.wrap(function(a)
  local b = coroutine.yield(a + 1)
  error({code = b})
end)
local first = co(1)
local ok4, e = pcall(co, 41)
assert(not ok4)
print("coroutine: " .. first .. " then error {code=" .. e.code .. "}")

print(string.format("string.format: %4.2f|%s", math.pi, ("x"):rep(3)))

local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("payload")
f:close()
local back = assert(io.open(name)):read("a")
os.remove(name)
assert(back == "payload")
print("os.tmpname: written and read back")

print("os.execute: " .. (os.execute() and "available" or "not supported"))
print("all checks passed")
