package dev.patchtrack.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The truth file of gen-mbox.py turned into what patchtrack must derive (series, revisions, versions,
 * trailers per patch with who gave them and where, NAKs per patch, "applied" on revisions), and the
 * comparison of that with what was observed, through the core or through the API.
 *
 * <p>Rules (shared/tools/README.md): a reply's trailers apply to the message {@code in_reply_to} names, or
 * to every patch of the revision when that is a cover letter; a reply whose parent no row has gives
 * nothing; a row without {@code mid} lost its Message-ID, so its trailers are matched with any source that
 * is not a known row. Trailers a patch carries in its own body (picked up from an earlier revision) are
 * not in the truth and are not compared: only trailers whose source is a reply are.
 */
public final class Truth {

    private static final Pattern VERSION = Pattern.compile("\\bv(\\d+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERSON = Pattern.compile("^([^:]+):\\s*(.*?)\\s*<([^>]+)>\\s*$");
    public static final String UNKNOWN_SOURCE = "*";

    /** A trailer as compared: name, who (address case-folded, name), and the message that gave it. */
    public record T(String name, String email, String person, String source) {
    }

    /** One revision as compared. */
    public record Rev(int version, String cover, List<String> patches, Set<String> applied) {
    }

    /** What was observed: series as lists of revisions; per patch Message-ID its trailers and NAK sources. */
    public record Observed(List<List<Rev>> series, Map<String, List<T>> trailers, Map<String, Set<String>> naks) {
    }

    /** What was compared, for the test to print. */
    public record Counts(int series, int revisions, int patches, int trailers, int naks, int applied) {
        @Override
        public String toString() {
            return String.format("%d series, %d revisions, %d patches, %d trailers, %d NAKs, %d applied notices",
                    series, revisions, patches, trailers, naks, applied);
        }
    }

    private final Map<String, TreeMap<Integer, Rev>> series = new LinkedHashMap<>();
    private final Map<String, List<T>> trailers = new HashMap<>();
    private final Map<String, Set<String>> naks = new HashMap<>();
    private final Set<String> mids = new HashSet<>();
    private final Set<String> replyMids = new HashSet<>();

    public Truth(List<JsonNode> rows) {
        Map<String, JsonNode> byMid = new HashMap<>();
        Map<String, List<String>> patchesOfRev = new HashMap<>();
        Map<String, String> revOf = new HashMap<>();
        for (JsonNode r : rows) {
            String mid = text(r, "mid");
            String kind = r.get("kind").asText();
            if (mid != null) {
                mids.add(mid);
                byMid.putIfAbsent(mid, r);
            }
            if (kind.equals("reply")) {
                if (mid != null) {
                    replyMids.add(mid);
                }
                continue;
            }
            String s = r.get("series").asText();
            int rev = r.get("rev").asInt();
            String revKey = s + "#" + rev;
            revOf.put(mid, revKey);
            Rev cur = series.computeIfAbsent(s, k -> new TreeMap<>()).get(rev);
            if (cur == null) {
                Matcher v = VERSION.matcher(r.get("subject").asText().replaceAll("^.*?\\[", "["));
                cur = new Rev(v.find() ? Integer.parseInt(v.group(1)) : 1, null, new ArrayList<>(), new HashSet<>());
                series.get(s).put(rev, cur);
            }
            if (kind.equals("cover")) {
                cur = new Rev(cur.version(), mid, cur.patches(), cur.applied());
                series.get(s).put(rev, cur);
            } else {
                int n = r.get("n").asInt();
                List<String> ps = cur.patches();
                while (ps.size() < n) {
                    ps.add(null);
                }
                ps.set(n - 1, mid);
                patchesOfRev.computeIfAbsent(revKey, k -> new ArrayList<>()).add(mid);
            }
        }
        for (JsonNode r : rows) {
            if (!r.get("kind").asText().equals("reply")) {
                continue;
            }
            String target = text(r, "in_reply_to");
            JsonNode t = target == null ? null : byMid.get(target);
            if (t == null || t.get("kind").asText().equals("reply")) {
                continue;
            }
            String source = text(r, "mid") == null ? UNKNOWN_SOURCE : text(r, "mid");
            List<String> patches = t.get("kind").asText().equals("cover")
                    ? patchesOfRev.getOrDefault(revOf.get(target), List.of()) : List.of(target);
            for (JsonNode line : r.get("trailers")) {
                Matcher m = PERSON.matcher(line.asText());
                if (!m.find()) {
                    throw new IllegalStateException("unreadable truth trailer " + line);
                }
                T tr = new T(m.group(1), m.group(3).toLowerCase(Locale.ROOT), m.group(2), source);
                for (String p : patches) {
                    trailers.computeIfAbsent(p, k -> new ArrayList<>()).add(tr);
                }
            }
            String verdict = text(r, "verdict");
            if ("nak".equals(verdict)) {
                for (String p : patches) {
                    naks.computeIfAbsent(p, k -> new HashSet<>()).add(source);
                }
            } else if ("applied".equals(verdict)) {
                String[] sr = revOf.get(target).split("#");
                series.get(sr[0]).get(Integer.parseInt(sr[1])).applied().add(source);
            }
        }
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The Message-IDs of the head of each series' first revision, to find the observed series by. */
    public List<String> seriesHeads() {
        List<String> out = new ArrayList<>();
        for (TreeMap<Integer, Rev> revs : series.values()) {
            Rev first = revs.firstEntry().getValue();
            out.add(first.cover() != null ? first.cover() : first.patches().get(0));
        }
        return out;
    }

    /**
     * Compares; returns the differences (empty when equal) and fills {@code counts} with what was compared.
     */
    public List<String> compare(Observed observed, Counts[] counts) {
        List<String> diff = new ArrayList<>();
        Map<String, List<Rev>> observedByMember = new HashMap<>();
        for (List<Rev> s : observed.series()) {
            for (Rev r : s) {
                if (r.cover() != null) {
                    observedByMember.put(r.cover(), s);
                }
                r.patches().forEach(p -> observedByMember.put(p, s));
            }
        }
        if (observed.series().size() != series.size()) {
            diff.add("series: expected " + series.size() + ", observed " + observed.series().size());
        }
        int revisions = 0;
        int patches = 0;
        int trailerCount = 0;
        int nakCount = 0;
        int appliedCount = 0;
        for (Map.Entry<String, TreeMap<Integer, Rev>> e : series.entrySet()) {
            List<Rev> want = new ArrayList<>(e.getValue().values());
            Rev first = want.get(0);
            String head = first.cover() != null ? first.cover() : first.patches().get(0);
            List<Rev> got = observedByMember.get(head);
            if (got == null) {
                diff.add(e.getKey() + ": no observed series holds " + head);
                continue;
            }
            if (got.size() != want.size()) {
                diff.add(e.getKey() + ": expected " + want.size() + " revisions, observed " + got.size() + ": " + got);
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                Rev w = want.get(i);
                Rev g = got.get(i);
                String where = e.getKey() + " rev " + (i + 1);
                if (w.version() != g.version()) {
                    diff.add(where + ": version " + g.version() + ", expected " + w.version());
                }
                if (!java.util.Objects.equals(w.cover(), g.cover())) {
                    diff.add(where + ": cover " + g.cover() + ", expected " + w.cover());
                }
                if (!w.patches().equals(g.patches())) {
                    diff.add(where + ": patches " + g.patches() + ", expected " + w.patches());
                }
                Set<String> gotApplied = new HashSet<>();
                g.applied().forEach(a -> gotApplied.add(mids.contains(a) ? a : UNKNOWN_SOURCE));
                if (!w.applied().equals(gotApplied)) {
                    diff.add(where + ": applied by " + gotApplied + ", expected " + w.applied());
                }
                appliedCount += w.applied().size();
                revisions++;
                for (String p : w.patches()) {
                    patches++;
                    List<T> wantT = sorted(trailers.getOrDefault(p, List.of()));
                    List<T> gotT = new ArrayList<>();
                    for (T t : observed.trailers().getOrDefault(p, List.of())) {
                        if (replyMids.contains(t.source())) {
                            gotT.add(t);
                        } else if (!mids.contains(t.source())) {
                            gotT.add(new T(t.name(), t.email(), t.person(), UNKNOWN_SOURCE));
                        }
                    }
                    gotT = sorted(gotT);
                    if (!wantT.equals(gotT)) {
                        List<T> missing = new ArrayList<>(wantT);
                        gotT.forEach(missing::remove);
                        List<T> extra = new ArrayList<>(gotT);
                        wantT.forEach(extra::remove);
                        diff.add(where + " patch " + p + ": trailers missing " + missing + ", unexpected " + extra);
                    }
                    trailerCount += wantT.size();
                    Set<String> wantN = naks.getOrDefault(p, Set.of());
                    Set<String> gotN = new HashSet<>();
                    for (String s : observed.naks().getOrDefault(p, Set.of())) {
                        gotN.add(mids.contains(s) ? s : UNKNOWN_SOURCE);
                    }
                    if (!wantN.equals(gotN)) {
                        diff.add(where + " patch " + p + ": NAKs from " + gotN + ", expected " + wantN);
                    }
                    nakCount += wantN.size();
                }
            }
        }
        counts[0] = new Counts(series.size(), revisions, patches, trailerCount, nakCount, appliedCount);
        return diff;
    }

    private static List<T> sorted(List<T> in) {
        List<T> out = new ArrayList<>(in);
        out.sort(java.util.Comparator.comparing(T::toString));
        return out;
    }
}
