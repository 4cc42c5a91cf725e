package io.fulfillment.chassis.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints of every service: event processors, replays, blue/green rebuilds and dead letters. */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final EventProcessorAdmin admin;
    private final ObjectProvider<ReadModelRebuilds> rebuilds;

    AdminController(EventProcessorAdmin admin, ObjectProvider<ReadModelRebuilds> rebuilds) {
        this.admin = admin;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return admin.processors();
    }

    @GetMapping("/processors/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return admin.processor(name);
    }

    /**
     * Rebuilds the processor's read model in place from the event store (reset and replay: its queries see it empty,
     * then growing; right for small read models); follow progress on the returned location.
     */
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        ReadModelRebuilds blueGreen = rebuilds.getIfAvailable();
        if (blueGreen != null && blueGreen.isRebuilding(name)) {
            throw new RebuildInProgressException(name);
        }
        admin.replay(name);
        return ResponseEntity.accepted()
                .location(URI.create("/admin/processors/" + name))
                .body(admin.processor(name));
    }

    /**
     * Rebuilds the read model blue/green: a new generation is filled beside the one queries read and replaces it once
     * it has caught up; follow progress (events done and total, events/s, ETA) on the returned location.
     */
    @PostMapping("/read-models/{name}/rebuild")
    ResponseEntity<RebuildStatus> rebuild(@PathVariable String name) {
        RebuildStatus started = rebuildsOf(name).start(name);
        return ResponseEntity.accepted()
                .location(URI.create("/admin/read-models/" + name + "/rebuild"))
                .body(started);
    }

    @GetMapping("/read-models/{name}/rebuild")
    RebuildStatus rebuildStatus(@PathVariable String name) {
        return rebuildsOf(name).status(name);
    }

    /** Stops a rebuild that has not switched yet; the generation it was filling is dropped. */
    @DeleteMapping("/read-models/{name}/rebuild")
    RebuildStatus abortRebuild(@PathVariable String name) {
        return rebuildsOf(name).abort(name);
    }

    @GetMapping("/dead-letters")
    List<DeadLetterView> deadLetters() {
        return admin.deadLetters();
    }

    @PostMapping("/dead-letters/{group}/retry")
    Map<String, Boolean> retry(@PathVariable String group) {
        return Map.of("processed", admin.retry(group));
    }

    @DeleteMapping("/dead-letters/{group}/{messageId}")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String messageId) {
        admin.evict(group, messageId);
        return ResponseEntity.noContent().build();
    }

    private ReadModelRebuilds rebuildsOf(String name) {
        ReadModelRebuilds blueGreen = rebuilds.getIfAvailable();
        if (blueGreen == null) {
            throw new UnknownProcessorException("rebuildable read model " + name);
        }
        return blueGreen;
    }
}
