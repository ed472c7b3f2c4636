// Preloaded into the web server by scripts/start.ts (`node --require`): when the process that
// started it is gone (killed, even with SIGKILL), stop as on SIGTERM instead of living on
// holding the port. Does nothing else.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
