package org.rightstream.query.alert;

import org.rightstream.contracts.Alert;
import org.rightstream.contracts.Ids;

/** How alerts become notifications. */
public enum AlertGrouping {
    /** One notification per watch per report, counting its passages. */
    PER_REPORT,
    /** One notification per alert. */
    PER_PASSAGE;

    public String notificationId(Alert alert) {
        return this == PER_REPORT ? Ids.notificationId(alert.watchId(), alert.reportId()) : alert.alertId();
    }
}
