-- POSTs a body of SIZE bytes to /body, framed by Content-Length or chunked (4 KiB chunks):
--   wrk -s post.lua http://127.0.0.1:PORT/body -- SIZE length|chunked
-- The request is built once per wrk thread and sent as it is, so both framings cost wrk the same.
local req

function init(args)
  local size = tonumber(args[1])
  local framing = args[2]
  if size == nil or (framing ~= "length" and framing ~= "chunked") then
    error("usage: wrk -s post.lua URL -- SIZE length|chunked")
  end
  local body = string.rep("x", size)
  local head = "POST /body HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
      "\r\nContent-Type: application/octet-stream\r\n"
  if framing == "chunked" then
    local parts = {}
    for i = 1, size, 4096 do
      local piece = body:sub(i, math.min(i + 4095, size))
      parts[#parts + 1] = string.format("%x\r\n%s\r\n", #piece, piece)
    end
    req = head .. "Transfer-Encoding: chunked\r\n\r\n" .. table.concat(parts) .. "0\r\n\r\n"
  else
    req = head .. "Content-Length: " .. size .. "\r\n\r\n" .. body
  end
end

function request()
  return req
end
