package org.rightstream.ingest.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory locality-sensitive-hashing index of {@link MinHashSignature}s, for finding the indexed
 * report most similar to a new one without comparing against every report.
 *
 * <p>A signature of {@code k} hashes is cut into {@code bands} bands of {@code rows = k / bands}
 * consecutive hashes. Two reports become candidates when they agree on all rows of at least one band;
 * with Jaccard similarity {@code s} that happens with probability {@code 1 - (1 - s^rows)^bands}.
 * Candidates are then verified on the full signature and only those whose estimated similarity
 * reaches the threshold are returned. With the defaults (128 hashes, 32 bands of 4 rows, threshold
 * 0.8) a pair at {@code s = 0.8} is a candidate with probability 0.99999995, at 0.7 with 0.9998, at
 * 0.5 with 0.87 (then rejected by verification) and at 0.2 with 0.05, so a query costs a few hash
 * lookups plus a verification per genuinely related report.
 *
 * <p>Moreover, whenever {@code threshold > 1 - bands / k} (0.75 for the defaults) a signature whose
 * <em>estimated</em> similarity reaches the threshold differs in fewer than {@code bands} slots, so at
 * least one band is untouched and it is always a candidate: the result is then exactly what a full
 * scan over the estimated similarities would return. Only the MinHash estimate itself is noisy
 * (standard error {@code sqrt(s(1-s)/k)}, about 0.035 at {@code s = 0.8} with 128 hashes).
 *
 * <p>Thread-safe: queries share a read lock and run concurrently; {@link #add} and {@link #remove}
 * take the write lock. All signatures in one index must have the same length (the first added fixes
 * it) and must come from the same {@link MinHasher} configuration.
 *
 * <p>Memory: per report its signature ({@code 4k} bytes), {@code 4 * bands} bytes of bucket links,
 * 11 to 21 bytes per band of band tables (8 bytes per cell at a load of 0.375 to 0.75) and its id;
 * measured at about 220 MB of heap for 100,000 reports with the defaults (queries then take tens of
 * microseconds). Nothing is persisted: rebuild the index at start-up from the stored
 * {@link MinHashSignature#encode() encoded} signatures.
 */
public final class NearDuplicateIndex {
    public static final int DEFAULT_BANDS = 32;
    public static final double DEFAULT_THRESHOLD = 0.8;

    /** An indexed report whose estimated similarity to the query reaches the threshold. */
    public record Match(String reportId, double similarity) {
        public Match {
            Objects.requireNonNull(reportId, "reportId");
        }
    }

    private final int bands;
    private final double threshold;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    // Everything below is guarded by lock. Reports live in slots; links are "refs" = slot + 1 so that
    // 0 means none and freshly grown arrays need no filling.
    private int sigLength = -1;
    private int rows;
    private final Map<String, Integer> slotByReport = new HashMap<>();
    private String[] reportIds = new String[0];
    /** Signatures, slot-major: slot s occupies [s * sigLength, (s + 1) * sigLength). */
    private int[] signatures = new int[0];
    /** Per slot and band (index slot * bands + band): the ref of the next report in the band bucket. */
    private int[] next = new int[0];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int slotsUsed;
    private final BandTable[] tables;

    /** 32 bands and threshold 0.8 (for 128-hash signatures: 4 rows per band). */
    public NearDuplicateIndex() {
        this(DEFAULT_BANDS, DEFAULT_THRESHOLD);
    }

    /**
     * @param bands     number of LSH bands; the signature length must be a multiple of it
     * @param threshold minimum estimated similarity of a match, in (0, 1]
     */
    public NearDuplicateIndex(int bands, double threshold) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be positive, got " + bands);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        this.bands = bands;
        this.threshold = threshold;
        this.tables = new BandTable[bands];
        for (int b = 0; b < bands; b++) {
            tables[b] = new BandTable();
        }
    }

    public int bands() {
        return bands;
    }

    public double threshold() {
        return threshold;
    }

    /** Indexes the report, replacing the signature it had if it was already indexed. */
    public void add(String reportId, MinHashSignature sig) {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(sig, "sig");
        lock.writeLock().lock();
        try {
            if (sigLength < 0) {
                if (sig.length() % bands != 0) {
                    throw new IllegalArgumentException("a signature of " + sig.length()
                            + " hashes cannot be cut into " + bands + " bands");
                }
                sigLength = sig.length();
                rows = sigLength / bands;
            }
            checkLength(sig);
            Integer existing = slotByReport.get(reportId);
            if (existing != null) {
                unlink(existing);
            }
            int slot = allocateSlot();
            reportIds[slot] = reportId;
            System.arraycopy(sig.array(), 0, signatures, slot * sigLength, sigLength);
            for (int b = 0; b < bands; b++) {
                int key = bandKey(signatures, slot * sigLength, b);
                next[slot * bands + b] = tables[b].get(key);
                tables[b].put(key, slot + 1);
            }
            slotByReport.put(reportId, slot);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the report; does nothing if it is not indexed. */
    public void remove(String reportId) {
        if (reportId == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            Integer slot = slotByReport.remove(reportId);
            if (slot != null) {
                unlink(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean contains(String reportId) {
        lock.readLock().lock();
        try {
            return slotByReport.containsKey(reportId);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slotByReport.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The indexed report most similar to the signature, if its estimated similarity reaches the
     * threshold; ties go to the smaller report id.
     *
     * @param excludeReportId a report never to return (typically the query's own id, so that
     *                        re-ingesting an indexed report does not match itself); may be null
     * @throws IllegalArgumentException if the signature's length differs from the indexed ones'
     */
    public Optional<Match> findMostSimilar(MinHashSignature sig, String excludeReportId) {
        Objects.requireNonNull(sig, "sig");
        lock.readLock().lock();
        try {
            if (sigLength < 0) {
                return Optional.empty();
            }
            checkLength(sig);
            int[] query = sig.array();
            int minEqual = (int) Math.ceil(threshold * sigLength - 1e-9);
            RefSet seen = new RefSet();
            int bestSlot = -1;
            int bestEqual = -1;
            for (int b = 0; b < bands; b++) {
                for (int ref = tables[b].get(bandKey(query, 0, b)); ref != 0; ref = next[(ref - 1) * bands + b]) {
                    if (!seen.add(ref)) {
                        continue;
                    }
                    int slot = ref - 1;
                    if (reportIds[slot].equals(excludeReportId)) {
                        continue;
                    }
                    int equal = MinHashSignature.equalSlots(query, 0, signatures, slot * sigLength, sigLength);
                    if (equal >= minEqual && (equal > bestEqual
                            || equal == bestEqual && reportIds[slot].compareTo(reportIds[bestSlot]) < 0)) {
                        bestSlot = slot;
                        bestEqual = equal;
                    }
                }
            }
            return bestSlot < 0 ? Optional.empty()
                    : Optional.of(new Match(reportIds[bestSlot], (double) bestEqual / sigLength));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The candidates a query has already verified: a small open-addressing set of non-zero refs. */
    private static final class RefSet {
        private int[] cells = new int[16];
        private int size;

        /** Adds the ref; false if it was already there. */
        boolean add(int ref) {
            int mask = cells.length - 1;
            int h = ref * 0x9E3779B9;
            int i = (h ^ (h >>> 16)) & mask;
            while (cells[i] != 0) {
                if (cells[i] == ref) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            cells[i] = ref;
            if (++size * 2 > cells.length) {
                int[] old = cells;
                cells = new int[old.length * 2];
                size = 0;
                for (int r : old) {
                    if (r != 0) {
                        add(r);
                    }
                }
            }
            return true;
        }
    }

    private void checkLength(MinHashSignature sig) {
        if (sig.length() != sigLength) {
            throw new IllegalArgumentException("this index holds signatures of " + sigLength
                    + " hashes; got one of " + sig.length() + " (a different MinHasher configuration?)");
        }
    }

    private int bandKey(int[] sigs, int offset, int band) {
        long h = 0x9E3779B97F4A7C15L;
        int from = offset + band * rows;
        for (int r = 0; r < rows; r++) {
            h = MinHasher.fmix64(h ^ (sigs[from + r] & 0xFFFFFFFFL)) + r;
        }
        return (int) (h ^ (h >>> 32));
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == reportIds.length) {
            int capacity = Math.max(16, reportIds.length * 2);
            reportIds = Arrays.copyOf(reportIds, capacity);
            signatures = Arrays.copyOf(signatures, capacity * sigLength);
            next = Arrays.copyOf(next, capacity * bands);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsUsed++;
    }

    /** Takes the slot out of every band bucket and frees it; the caller updates slotByReport. */
    private void unlink(int slot) {
        int ref = slot + 1;
        for (int b = 0; b < bands; b++) {
            int key = bandKey(signatures, slot * sigLength, b);
            int head = tables[b].get(key);
            int after = next[slot * bands + b];
            if (head == ref) {
                tables[b].put(key, after);
            } else {
                int prev = head;
                while (prev != 0 && next[(prev - 1) * bands + b] != ref) {
                    prev = next[(prev - 1) * bands + b];
                }
                if (prev == 0) {
                    throw new IllegalStateException("index corrupted: slot " + slot + " missing from band " + b);
                }
                next[(prev - 1) * bands + b] = after;
            }
            next[slot * bands + b] = 0;
        }
        reportIds[slot] = null;
        freeSlots[freeCount++] = slot;
    }

    /**
     * One band's buckets: an open-addressing (linear probing) map from a 32-bit band key to the ref
     * of the first report in the bucket. Key collisions only merge buckets, which costs an extra
     * verification, never a wrong answer. Deletion shifts entries back, so there are no tombstones.
     */
    private static final class BandTable {
        private static final float MAX_LOAD = 0.75f;
        private int[] keys = new int[16];
        /** Ref of the bucket's first report; 0 marks an empty cell. */
        private int[] heads = new int[16];
        private int size;

        int get(int key) {
            int mask = keys.length - 1;
            for (int i = home(key, mask); heads[i] != 0; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return heads[i];
                }
            }
            return 0;
        }

        /** Sets the bucket's head; a head of 0 removes the bucket. */
        void put(int key, int head) {
            int mask = keys.length - 1;
            int i = home(key, mask);
            while (heads[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (heads[i] != 0) {
                if (head == 0) {
                    delete(i);
                } else {
                    heads[i] = head;
                }
                return;
            }
            if (head == 0) {
                return;
            }
            keys[i] = key;
            heads[i] = head;
            size++;
            if (size > keys.length * MAX_LOAD) {
                grow();
            }
        }

        private void delete(int gap) {
            int mask = keys.length - 1;
            int i = gap;
            while (true) {
                i = (i + 1) & mask;
                if (heads[i] == 0) {
                    break;
                }
                int home = home(keys[i], mask);
                // The entry at i may move into the gap unless its home lies cyclically in (gap, i].
                boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
                if (!stays) {
                    keys[gap] = keys[i];
                    heads[gap] = heads[i];
                    gap = i;
                }
            }
            heads[gap] = 0;
            size--;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldHeads = heads;
            keys = new int[oldKeys.length * 2];
            heads = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldHeads[j] != 0) {
                    int i = home(oldKeys[j], mask);
                    while (heads[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    heads[i] = oldHeads[j];
                }
            }
        }

        private static int home(int key, int mask) {
            int h = key * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }
    }
}
