package dev.slipway.worker.source;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Fetches a dist-git commit with JGit: init an empty repository, fetch every branch and tag head of the remote,
 * then check out the one commit by id (a detached HEAD). A commit no ref reaches is refused, as Koji refuses it.
 */
public final class GitSourceFetcher implements SourceFetcher {
    private final ScmAllowList allowList;

    public GitSourceFetcher(ScmAllowList allowList) {
        this.allowList = allowList;
    }

    /** The tags (lightweight or annotated) that point at the commit. */
    private static List<String> tagsAt(Git git, ObjectId commit) throws IOException {
        List<String> tags = new ArrayList<>();
        for (Ref ref : git.getRepository().getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Ref peeled = git.getRepository().getRefDatabase().peel(ref);
            ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
            if (commit.equals(target)) {
                tags.add(ref.getName().substring(Constants.R_TAGS.length()));
            }
        }
        return tags.stream().sorted().toList();
    }

    @Override
    public FetchedSource fetch(SourceSpec source, Path workDir) {
        allowList.check(source.repository());
        // The git directory lives beside the checkout so it is never sent to the engine as build context.
        Path gitDir = workDir.resolveSibling(workDir.getFileName() + ".git");
        try (Git git = Git.init().setDirectory(workDir.toFile()).setGitDir(gitDir.toFile()).call()) {
            git.fetch()
                    .setRemote(source.repository().toString())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                            new RefSpec("+refs/tags/*:refs/tags/*"))
                    .call();
            ObjectId id = ObjectId.fromString(source.commit().hex());
            RevCommit commit;
            try (RevWalk walk = new RevWalk(git.getRepository())) {
                commit = walk.parseCommit(id);
            } catch (MissingObjectException e) {
                throw new SlipwayException(ErrorCode.SOURCE_COMMIT_UNKNOWN, "Commit " + source.commit()
                        + " is not reachable from any branch or tag of " + source.repository());
            }
            git.checkout().setName(commit.getName()).call();
            return new FetchedSource(workDir, source, commit.getAuthorIdent().getName() + " <"
                    + commit.getAuthorIdent().getEmailAddress() + ">",
                    Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage(), tagsAt(git, id));
        } catch (GitAPIException | IOException e) {
            throw new SlipwayException(ErrorCode.SOURCE_FETCH_FAILED,
                    "Tried to fetch " + source + " but git failed: " + e.getMessage(), e);
        }
    }
}
