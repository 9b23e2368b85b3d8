package dev.patchtrack.store;

import dev.patchtrack.core.series.SeriesModel.LinkReason;
import jakarta.persistence.Converter;

/** Why a revision follows the one before it, as the {@code revision.link_reason} column holds it: its wire name. */
@Converter
public class LinkReasonColumn extends WireColumn<LinkReason> {

    public LinkReasonColumn() {
        super(LinkReason.class, "link reason");
    }
}
