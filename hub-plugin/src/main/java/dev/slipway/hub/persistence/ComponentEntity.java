package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code image_components}: one RPM (or other package) inside an image, indexed by name. */
@Entity
@Table(name = "image_components")
public class ComponentEntity {
    @Id
    @GeneratedValue(generator = "image_components_seq")
    @SequenceGenerator(name = "image_components_seq", sequenceName = "image_components_seq", allocationSize = 50)
    public Long id;
    @Column(name = "image_id")
    public Long imageId;
    public String type;
    public String name;
    public Integer epoch;
    public String version;
    public String release;
    public String arch;
    public String sigmd5;
    public String signature;
    public Long size;
    public Long buildtime;
    public String license;
    public String vendor;
    public String sourcerpm;
    public String module;
}
