import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of new TLABs (bench/chunks.sh makes one) and prints the bytes of virtual-thread
 * stack chunks allocated per call, in all and by the service's frames at the wait that allocated them.
 * Each event stands for a whole new TLAB and names the object that opened it, so weighing each event by
 * its TLAB's size estimates every class's share of the bytes; that share of the JVM's bytes per call
 * (from bench/threads.sh) is the class's bytes per call.
 * Usage: java bench/StackChunks.java RECORDING BYTES_PER_CALL
 */
public class StackChunks {

    private static final String CHUNK = "jdk.internal.vm.StackChunk";

    public static void main(String[] args) throws Exception {
        double bytesPerCall = Double.parseDouble(args[1]);
        long allBytes = 0;
        long chunkBytes = 0;
        Map<String, long[]> bySite = new TreeMap<>();
        Map<Long, Long> bySize = new TreeMap<>();
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ObjectAllocationInNewTLAB")) {
                    continue;
                }
                long tlab = event.getLong("tlabSize");
                allBytes += tlab;
                if (!event.getClass("objectClass").getName().equals(CHUNK)) {
                    continue;
                }
                chunkBytes += tlab;
                bySize.merge(event.getLong("allocationSize"), 1L, Long::sum);
                long[] site = bySite.computeIfAbsent(site(event), key -> new long[2]);
                site[0]++;
                site[1] += tlab;
            }
        }
        if (allBytes == 0) {
            throw new IllegalStateException("no TLAB events in " + args[0]);
        }
        System.out.printf("stack chunks: %.0f B per call of %.0f B%n", bytesPerCall * chunkBytes / allBytes,
                bytesPerCall);
        System.out.println("by wait (the program's frames, innermost first):");
        for (var site : bySite.entrySet()) {
            System.out.printf("  %6.0f B  %s%n", bytesPerCall * site.getValue()[1] / allBytes, site.getKey());
        }
        System.out.println("chunk sizes (bytes: events):");
        bySize.forEach((size, count) -> System.out.printf("  %6d: %d%n", size, count));
    }

    private static String site(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return "(no stack)";
        }
        StringBuilder frames = new StringBuilder();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("com.webshop.") && !type.contains("$$Lambda") && !frame.getMethod().getName().startsWith("lambda$")) {
                String name = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
                frames.append(frames.isEmpty() ? "" : " < ").append(name);
            }
        }
        return frames.isEmpty() ? "(outside the program)" : frames.toString();
    }
}
