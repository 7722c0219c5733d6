#!/usr/bin/perl
# Writes an rpm Berkeley DB "Packages" hash file with libdb (through Perl's DB_File), as rpm <= 4.15 did:
# key = header instance number (native-endian uint32), value = header blob; key 0 holds the next free instance.
# Usage: write-bdb-packages.pl OUTPUT PAGESIZE INPUT, where INPUT has one "instance hexblob" line per header.
use strict;
use warnings;
use DB_File;
use Fcntl;

my ($output, $pagesize, $input) = @ARGV;
my $info = DB_File::HASHINFO->new();
$info->{bsize} = $pagesize;
my %db;
tie %db, 'DB_File', $output, O_RDWR | O_CREAT | O_TRUNC, 0644, $info or die "cannot create $output: $!";
open my $in, '<', $input or die "cannot read $input: $!";
my $max = 0;
while (my $line = <$in>) {
    chomp $line;
    my ($instance, $hex) = split / /, $line;
    $db{pack('L', $instance)} = pack('H*', $hex);
    $max = $instance if $instance > $max;
}
$db{pack('L', 0)} = pack('L', $max + 1);
untie %db or die "cannot close $output: $!";
