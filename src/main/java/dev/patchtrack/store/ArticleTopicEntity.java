package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A topic an article was given, with the rule and evidence. */
@Entity
@Table(name = "article_topic")
public class ArticleTopicEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_topic_seq")
    @SequenceGenerator(name = "article_topic_seq", sequenceName = "article_topic_seq", allocationSize = 50)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public Long articleId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String reason;

    /** The label's detail, e.g. the architectures of {@code rust-arch}; null when its rule names none. */
    public String detail;
}
