-- wrk script: each request asks for the next article page from a list of paths (one a line), each
-- thread starting at its own place in the list. Usage: wrk ... -s articles.lua URL -- paths.txt
local paths = {}
local next_path = 1

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  next_path = math.random(#paths)
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s; errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout))
end
