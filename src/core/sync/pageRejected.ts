/** A response that cannot be trusted whole: it stores nothing and the cursor stays where it was. */
export class PageRejected extends Error {
  constructor(
    message: string,
    /** Too big to be worth the cost (too many items, a flood of invalid ones): the endpoint backs off. */
    readonly oversized = false,
  ) {
    super(message);
  }
}
