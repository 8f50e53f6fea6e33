// yield.js: gives the browser a turn between pieces of work that need not run at once (thumbnails,
// late panels), so that none of them makes a long task that holds up input on a slow phone.
// scheduler.yield (Chromium) resumes ahead of other queued tasks; setTimeout is the fallback.

/** @returns {Promise<void>} */
export const yieldToPage = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
