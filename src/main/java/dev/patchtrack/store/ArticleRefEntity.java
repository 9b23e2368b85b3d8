package dev.patchtrack.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Something an article refers to, as written: a Message-ID, a commit or a Patchwork URL. */
@Entity
@Table(name = "article_ref")
public class ArticleRefEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_ref_seq")
    @SequenceGenerator(name = "article_ref_seq", sequenceName = "article_ref_seq", allocationSize = 50)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public Long articleId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String kind;

    @Column(name = "ref_value", nullable = false)
    public String value;

    public String url;
}
