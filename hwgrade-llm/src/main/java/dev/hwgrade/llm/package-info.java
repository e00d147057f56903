/**
 * Asking language models: the only part of hwgrade that speaks to the network.
 *
 * <p>The provider layer is small and vendor-free, so that anything that asks a model (putting an
 * assignment to it here; a judge grading explanations later) reuses it:
 *
 * <ul>
 *   <li>{@link dev.hwgrade.llm.ModelSpec} — a model and everything that decides its replies and
 *       cost: provider, model name, base URL, the <em>name</em> of the environment variable holding
 *       the key (never the key), temperature, output-token limit, reasoning effort, seed, prices
 *       per million tokens, concurrency, timeout. {@link dev.hwgrade.llm.ModelCatalog} reads them
 *       from {@code models.yaml} or a {@code provider:model} spec.
 *   <li>{@link dev.hwgrade.llm.ChatProvider} — {@code ModelReply send(ModelRequest)}: a
 *       conversation ({@link dev.hwgrade.llm.Turn}s and a sample index) in; the reply out with its
 *       text, {@link dev.hwgrade.llm.Usage}, latency, finish reason ({@code stop}, {@code length},
 *       {@code content_filter}, {@code refusal}), refusal and raw body. A failure is a {@link
 *       dev.hwgrade.llm.ProviderException}: retryable (429, 5xx, timeout, reset, unreadable reply)
 *       with the provider's Retry-After, or not (401/403 bad key, 404 unknown model, 400).
 *   <li>{@link dev.hwgrade.llm.LangchainProvider} — the one implementation, over langchain4j's
 *       OpenAI (and OpenAI-compatible), Anthropic and Gemini chat models, with langchain4j's own
 *       retries off.
 *   <li>Layered on any provider, the same for every vendor: {@link
 *       dev.hwgrade.llm.RetryingProvider} (exponential backoff with jitter, Retry-After honoured),
 *       {@link dev.hwgrade.llm.ReplyCache} (by content: provider, model, parameters, messages,
 *       sample), cost from {@link dev.hwgrade.llm.ModelSpec#cost}.
 * </ul>
 *
 * <p>Above it, {@link dev.hwgrade.llm.AskRun} puts an assignment to one model: {@link
 * dev.hwgrade.llm.Prompts} (per part or whole; replaceable {@link dev.hwgrade.llm.PromptTemplate}s
 * with {@code {{name}}} variables), bounded concurrency, a journal of every outcome under {@code
 * replies/<model-id>/} written the moment it arrives (so an interrupted run resumes), {@code
 * --max-cost}, and {@code responses/<model-id>.yaml}.
 */
package dev.hwgrade.llm;
