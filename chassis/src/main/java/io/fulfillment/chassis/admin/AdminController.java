package io.fulfillment.chassis.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints of every service: event processors, replays and dead letters. */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final EventProcessorAdmin admin;

    AdminController(EventProcessorAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return admin.processors();
    }

    @GetMapping("/processors/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return admin.processor(name);
    }

    /** Rebuilds the processor's read model from the event store; follow progress on the returned location. */
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        admin.replay(name);
        return ResponseEntity.accepted()
                .location(URI.create("/admin/processors/" + name))
                .body(admin.processor(name));
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
}
