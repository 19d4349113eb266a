/**
 * A business rule said no. The message is "中文 / English", written for the person who asked, safe to show as it
 * is, and nothing was changed. Domain modules throw their own subclass (OrderRefused, StockAdjustRefused…); routes
 * and server actions catch this one class instead of knowing every domain's.
 */
export abstract class Refusal extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
