/**
 * How the domain is stored: JPA repositories over the container DataSource, and the schema; and the
 * domain's other ports to the outside world (outbound).
 *
 * <p>Queries read with {@code getResultList()}, never {@code getResultStream()}: a stream left
 * unclosed (a {@code findFirst()} stops reading) keeps its result set and connection open until the
 * entity manager closes, and outside a transaction that is the end of the request's local
 * transaction, when Liberty refuses to enlist the connection again (an FFDC on every such request).
 */
package dev.setpoint.persistence;
