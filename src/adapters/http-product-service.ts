import { z } from "zod";
import {
  type ProductId,
  type ProductInfo,
  type ProductService,
  type ServiceId,
  UpstreamError,
  type UserId,
} from "../domain/index.js";
import { DEFAULT_UPSTREAM_TIMEOUT_MS, baseUrlOf, requestJson } from "./http-json.js";
import { productInfoSchema } from "./product-info-json.js";

const productsResponse = z.object({ products: z.array(productInfoSchema) });

export interface HttpProductServiceOptions {
  readonly id: ServiceId;
  /** e.g. "http://travel.internal:8080/home-api"; the paths below are appended to it. */
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  /** Sent with every request, e.g. an authorization header. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A product service over HTTP: `POST /personalised` and `GET /generic`, JSON both ways. */
export class HttpProductService implements ProductService {
  readonly id: ServiceId;
  private readonly baseUrl: URL;
  private readonly timeoutMs: number;
  private readonly headers: Readonly<Record<string, string>>;

  constructor(options: HttpProductServiceOptions) {
    this.id = options.id;
    this.baseUrl = baseUrlOf(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    this.headers = options.headers ?? {};
  }

  async personalised(user: UserId, products: readonly ProductId[]): Promise<Map<ProductId, ProductInfo>> {
    if (products.length === 0) return new Map();
    const answer = await requestJson({
      service: this.id,
      url: new URL("personalised", this.baseUrl),
      method: "POST",
      body: { user, products },
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: productsResponse,
    });
    const wanted = new Set(products);
    // Extra products the service volunteers are ignored: the caller keys results by what it asked.
    return this.byId(answer.products.filter((info) => wanted.has(info.id)));
  }

  async generic(): Promise<Map<ProductId, ProductInfo>> {
    const answer = await requestJson({
      service: this.id,
      url: new URL("generic", this.baseUrl),
      method: "GET",
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: productsResponse,
    });
    return this.byId(answer.products);
  }

  private byId(products: readonly ProductInfo[]): Map<ProductId, ProductInfo> {
    const found = new Map<ProductId, ProductInfo>();
    for (const info of products) {
      // A product filed under another service would be cached under the wrong line: a contract breach.
      if (info.service !== this.id) {
        throw new UpstreamError(
          this.id,
          `answered product ${info.id} as belonging to service "${info.service}"`,
        );
      }
      found.set(info.id, info);
    }
    return found;
  }
}
