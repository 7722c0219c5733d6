package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code images}: one per-arch image of a build; list-valued fields are JSON text. */
@Entity
@Table(name = "images")
public class ImageEntity {
    @Id
    @GeneratedValue(generator = "images_seq")
    @SequenceGenerator(name = "images_seq", sequenceName = "images_seq", allocationSize = 50)
    public Long id;
    @Column(name = "build_id")
    public Long buildId;
    public String arch;
    public String digest;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "image_id")
    public String imageId;
    @Column(name = "parent_id")
    public String parentId;
    @Column(name = "pull_specs")
    public String pullSpecs;
    @Column(name = "registry_tags")
    public String registryTags;
    public String labels;
    @Column(name = "layer_sizes")
    public String layerSizes;
}
