package dev.setpoint.api.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. Pass {@code nextCursor} back as {@code cursor} to get the next page; it is
 * absent on the last page.
 *
 * @param <T> the item type
 */
public record Page<T>(
    List<T> items,
    @Schema(description = "Opaque cursor of the next page; absent on the last page.")
        String nextCursor) {}
