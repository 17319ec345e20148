/**
 * Answers streamed as they are made (the CSV export): a body read from text chunks only as fast as the transport
 * takes it, so a large answer is never whole in memory. The Node adapter writes such a body chunk by chunk with
 * backpressure and, when the client goes, cancels it (which stops the reads behind it). Other transports
 * (fetch runtimes, MSW) read it as any `ReadableStream` body.
 */

/** The bodies made here; a transport that must tell them from bodies it may buffer asks {@link isStreamed}. */
const streamed = new WeakSet<ReadableStream<Uint8Array>>();

/**
 * A body over `chunks`, pulled one chunk per read. A chunk that fails is told to `onError` (the status line may be
 * out already: only the log can say what failed) and errors the body, which a transport then cuts off.
 */
export function streamedBody(
  chunks: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (cancelled) return;
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          if (cancelled) return;
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        // Ends the chunks' generator once its current read settles: no page is read after this.
        await iterator.return?.();
      },
    },
    // Nothing is read ahead of the consumer.
    { highWaterMark: 0 },
  );
  streamed.add(body);
  return body;
}

/** Whether the answer's body is streamed (its length unknown until its end). */
export function isStreamed(response: Response): boolean {
  return response.body !== null && streamed.has(response.body);
}
